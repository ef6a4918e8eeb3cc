using OperatorOne.Data;

namespace OperatorOne.Bot.Core.Channels;

/// <summary>What a check may use: the store scoped to the organization, and the address the admin reached the bot at.</summary>
public sealed record ChannelCheckContext(OperatorOneDb Db, Guid OrganizationId, Uri? RequestBase);

public enum ChannelState
{
    NotConfigured,
    Unreachable,
    Working,
}

/// <summary>One hop of a channel ("Bot Connector token", "Slack workspace"): whether it works, what was seen, and the fix.</summary>
public sealed record ChannelHop(string Name, bool Ok, string Detail, string? Fix = null);

/// <summary>A channel's state for one organization, its hops in order, and its setup values (links, URLs) by name.</summary>
public sealed record ChannelReport(string Channel, string DisplayName, ChannelState State, IReadOnlyList<ChannelHop> Hops,
    IReadOnlyDictionary<string, string> Setup)
{
    public ChannelHop? FailingHop => Hops.FirstOrDefault(h => !h.Ok);

    /// <summary>Not configured when the first hop (the settings) fails, unreachable when a later one does.</summary>
    public static ChannelReport From(string channel, string displayName, IReadOnlyList<ChannelHop> hops, IReadOnlyDictionary<string, string>? setup = null) =>
        new(channel, displayName,
            hops.Count > 0 && !hops[0].Ok ? ChannelState.NotConfigured : hops.All(h => h.Ok) ? ChannelState.Working : ChannelState.Unreachable,
            hops, setup ?? new Dictionary<string, string>());

    /// <summary>"Slack: the signing secret does not match the last request. Fix: …", or "working".</summary>
    public string Summary => FailingHop is { } failing
        ? $"{failing.Name}: {failing.Detail}{(failing.Fix is null ? "" : $" Fix: {failing.Fix}")}"
        : "working";
}
