using Microsoft.EntityFrameworkCore;
using OperatorOne.Data.Voice;

namespace OperatorOne.Tests.Voice;

/// <summary>Test data for the PIN-guarded flows: a member's stored voice PIN, and a call's transcript and audit.</summary>
public static class VoicePinData
{
    public const string Pin = "4821";

    public static Task SetPinAsync(VoiceFixture fixture, PhoneCall call, string handle, string pin = Pin) =>
        fixture.Host.InOrganizationAsync(call.Organization.Id, async db =>
        {
            db.VoicePins.Add(new VoicePin
            {
                MemberId = call.Organization.Members[handle], OrganizationId = call.Organization.Id,
                Hash = Bot.Core.Security.VoicePins.Hash(pin), UpdatedAt = DateTimeOffset.UtcNow,
            });
            return await db.SaveChangesAsync();
        });

    public static Task<List<string>> TranscriptAsync(VoiceFixture fixture, PhoneCall call) =>
        fixture.Host.InOrganizationAsync(call.Organization.Id, db => db.TranscriptMessages
            .Where(m => db.Conversations.Any(c => c.Id == m.ConversationId && c.ExternalId == call.CallSid))
            .OrderBy(m => m.Id).Select(m => m.Text + " " + m.Activity).ToListAsync());

    public static Task<List<string>> AuditAsync(VoiceFixture fixture, PhoneCall call, string kind) =>
        fixture.Host.InOrganizationAsync(call.Organization.Id, db => db.AuditEvents
            .Where(e => e.Kind == kind).OrderBy(e => e.Id).Select(e => e.Outcome).ToListAsync());
}
