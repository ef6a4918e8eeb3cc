using OperatorOne.Bot.Core.Recognition;

namespace OperatorOne.Channels.WebChat;

/// <summary>
/// The zone the chat page stamps a member's messages in, as the IANA id the browser's Intl understands (a stored
/// Windows id is converted; an unknown one is UTC, as everywhere else in the bot).
/// </summary>
internal static class MemberClock
{
    public static string IanaZone(string? stored)
    {
        var zone = NaturalDates.Zone(stored);
        return zone.HasIanaId ? zone.Id : TimeZoneInfo.TryConvertWindowsIdToIanaId(zone.Id, out var iana) ? iana : "UTC";
    }
}
