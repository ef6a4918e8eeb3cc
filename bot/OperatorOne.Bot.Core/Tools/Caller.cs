using OperatorOne.Data.Members;

namespace OperatorOne.Bot.Core.Tools;

/// <summary>Who is talking: a member with a role, or an unknown guest identified only by the channel.</summary>
public sealed record Caller(Guid? MemberId, string DisplayName, MemberRole Role, string Channel, string ChannelUserId)
{
    public bool IsGuest => MemberId is null;

    public string TimeZone { get; init; } = "UTC";

    public static Caller Guest(string channel, string channelUserId, string? name) =>
        new(null, name ?? "Guest", MemberRole.Guest, channel, channelUserId);
}
