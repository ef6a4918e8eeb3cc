using OperatorOne.Bot.Core.Members;
using OperatorOne.Data;

namespace OperatorOne.Channels.WebChat;

/// <summary>
/// The zone the chat page stamps a member's messages in: the member's clock as every notice reads it
/// (<see cref="MemberZones"/>: their own zone, else the organization's), as the IANA id the browser's Intl understands
/// (a stored Windows id is converted; an unknown one is UTC, as everywhere else in the bot).
/// </summary>
internal static class MemberClock
{
    public static async Task<string> IanaZoneAsync(OperatorOneDb db, Guid memberId, CancellationToken cancellationToken)
    {
        var zone = (await MemberZones.OfAsync(db, [memberId], cancellationToken))[memberId];
        return zone.HasIanaId ? zone.Id : TimeZoneInfo.TryConvertWindowsIdToIanaId(zone.Id, out var iana) ? iana : "UTC";
    }
}
