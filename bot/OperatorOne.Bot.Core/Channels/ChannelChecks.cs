namespace OperatorOne.Bot.Core.Channels;

/// <summary>Every channel's check, in one order (Teams, Slack, web chat, phone): the admin API, its page and `system status` all read this.</summary>
public sealed class ChannelChecks(IEnumerable<IChannelCheck> checks)
{
    private static readonly string[] Order = [Data.Channels.ChannelNames.Teams, Data.Channels.ChannelNames.Slack, Data.Channels.ChannelNames.WebChat, Data.Channels.ChannelNames.Voice];

    public async Task<IReadOnlyList<ChannelReport>> RunAsync(ChannelCheckContext context, CancellationToken cancellationToken)
    {
        var reports = new List<ChannelReport>();
        // One after another: they share the request's DbContext.
        foreach (var check in checks.OrderBy(c => Array.IndexOf(Order, c.Channel) is var i && i < 0 ? int.MaxValue : i))
        {
            reports.Add(await check.CheckAsync(context, cancellationToken));
        }
        return reports;
    }

    public ChannelFile? SetupFile(string channel, string name, ChannelCheckContext context) =>
        checks.FirstOrDefault(c => c.Channel == channel)?.SetupFile(name, context);
}
