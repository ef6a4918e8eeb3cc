using OperatorOne.Bot.Core.Activities;

namespace OperatorOne.Channels.Slack;

/// <summary>A turn's replies as one ephemeral message: a slash command's HTTP answer carries exactly one.</summary>
internal static class SlackAnswers
{
    public static SlackMessage Combine(IReadOnlyList<Activity> replies)
    {
        var rendered = replies.Select(BlockKit.Render).ToList();
        if (rendered.Count == 1)
        {
            return rendered[0];
        }
        var text = string.Join("\n", rendered.Select(r => r.Text).Where(t => t.Length > 0));
        if (rendered.All(r => r.Blocks is null))
        {
            return new SlackMessage(Mrkdwn.Truncate(text, BlockKit.MaxFallbackText), null);
        }
        var blocks = rendered.SelectMany(r => r.Blocks is { } b ? b.Select(x => x!.DeepClone().AsObject()) : [BlockKit.Section(Mrkdwn.Unescape(r.Text))]).ToList();
        return new SlackMessage(Mrkdwn.Truncate(text, BlockKit.MaxFallbackText), BlockKit.Fit(blocks.Where(b => SlackJson.String(b, "type") != "actions").ToList(),
            blocks.Where(b => SlackJson.String(b, "type") == "actions").ToList()));
    }
}
