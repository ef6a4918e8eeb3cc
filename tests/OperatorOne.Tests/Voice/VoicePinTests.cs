using Microsoft.EntityFrameworkCore;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.Voice;

/// <summary>The voice PIN: set in chat (hashed, never in clear), asked by phone before a risky request, with a read-back.</summary>
[Collection(VoiceCollection.Name)]
public sealed class VoicePinTests(VoiceFixture fixture)
{
    [Fact]
    public async Task AViewerSetsTheirVoicePinInChatAndOnlyAHashIsKeptWithTheDigitsMaskedEverywhere()
    {
        var org = await TestOrganization.CreateAsync(fixture.Host);
        using var viewer = await Chat.StartAsync(fixture.Host, org, "viewer");

        await viewer.Send("set my voice pin");
        await viewer.ExpectReply("What should your voice PIN be?");
        await viewer.Send("93517");
        await viewer.ExpectReply("Your voice PIN is set");
        await viewer.Send("change my voice pin to 864209");
        await viewer.ExpectReply("Your voice PIN is changed");

        var (hash, transcript, audit, log) = await fixture.Host.InOrganizationAsync(org.Id, async db => (
            await db.VoicePins.Where(p => p.MemberId == org.Members["viewer"]).Select(p => p.Hash).SingleAsync(),
            (await db.TranscriptMessages.Select(m => new { m.Text, m.Activity }).ToListAsync()).Select(m => m.Text + " " + m.Activity).ToList(),
            (await db.AuditEvents.Select(e => new { e.Arguments, e.Detail }).ToListAsync()).Select(e => e.Arguments + " " + e.Detail).ToList(),
            await db.DirectLineActivities.Select(a => a.Activity).ToListAsync()));
        Assert.StartsWith("pbkdf2-sha256$", hash, StringComparison.Ordinal);
        Assert.True(Bot.Core.Security.VoicePins.Matches("864209", hash));
        Assert.False(Bot.Core.Security.VoicePins.Matches("93517", hash));
        foreach (var row in transcript.Concat(audit).Concat(log))
        {
            // As numbers of their own: random ids (hex, base64) may hold the same digits by chance.
            Assert.DoesNotMatch("(?<![0-9A-Za-z])93517(?![0-9A-Za-z])", row);
            Assert.DoesNotMatch("(?<![0-9A-Za-z])864209(?![0-9A-Za-z])", row);
        }
        Assert.Contains(transcript, t => t.StartsWith("change my voice pin to ••••••", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AMalformedPinIsRefusedInChatAndNothingIsStored()
    {
        var org = await TestOrganization.CreateAsync(fixture.Host);
        using var member = await Chat.StartAsync(fixture.Host, org, "member");

        await member.Send("set my voice pin to 12");

        await member.ExpectReply("4 to 8 digits");
        Assert.Equal(0, await fixture.Host.InOrganizationAsync(org.Id, db => db.VoicePins.CountAsync()));
    }

    [Fact]
    public async Task ARiskyRequestWithTheRightPinAndAConfirmedReadBackAsksForApprovalOnce()
    {
        // Eight digits: no random id in the stored activities is an eight-digit number of its own (a GUID group is hex, a
        // timestamp's fraction has at most seven digits, a phone number eleven); a six-digit one may be a trimmed fraction.
        const string pin = "31627584";
        using var call = await PhoneCall.CreateAsync(fixture, callerHandle: "admin");
        await VoicePinData.SetPinAsync(fixture, call, "admin", pin);
        await call.IncomingAsync();
        await call.AnswerAsync(speech: "open a ticket: old laptop to recycle");
        var number = await fixture.Host.InOrganizationAsync(call.Organization.Id, db => db.Tickets.Select(t => t.Number).SingleAsync());

        var asked = await call.AnswerAsync(speech: $"delete ticket {number}");
        Assert.Contains("voice PIN", PhoneCall.Spoken(asked), StringComparison.Ordinal);
        Assert.Equal("#", asked.Root!.Element("Gather")!.Attribute("finishOnKey")!.Value);
        var readBack = await call.AnswerAsync(digits: pin);
        Assert.Contains($"You asked to delete ticket {number} (Old laptop to recycle). Say yes or press 1 to confirm", PhoneCall.Spoken(readBack), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, await fixture.Host.InOrganizationAsync(call.Organization.Id, db => db.ApprovalRequests.CountAsync()));
        var action = call.NextAction!;

        var done = await call.AnswerAsync(digits: "1");
        await call.ExpectTwiMLAsync(await call.PostAsync(action.PathAndQuery, call.Fields(("Digits", "1"))));

        Assert.Contains("approval request", PhoneCall.Spoken(done), StringComparison.Ordinal);
        var requests = await fixture.Host.InOrganizationAsync(call.Organization.Id, db => db.ApprovalRequests.Select(a => a.Tool).ToListAsync());
        Assert.Equal(["delete_ticket"], requests);
        Assert.Equal(1, await fixture.Host.InOrganizationAsync(call.Organization.Id, db => db.Tickets.CountAsync()));
        var transcript = await VoicePinData.TranscriptAsync(fixture, call);
        Assert.All(transcript, t => Assert.DoesNotMatch($"(?<![0-9A-Za-z]){pin}(?![0-9A-Za-z])", t));
        Assert.Contains(transcript, t => t.StartsWith("[voice PIN]", StringComparison.Ordinal));
        Assert.Equal(["verified"], await VoicePinData.AuditAsync(fixture, call, "voice_pin"));
    }

    [Fact]
    public async Task DecliningTheReadBackRequestsNothing()
    {
        using var call = await PhoneCall.CreateAsync(fixture, callerHandle: "admin");
        await VoicePinData.SetPinAsync(fixture, call, "admin");
        await call.IncomingAsync();
        await call.AnswerAsync(speech: "open a ticket: keep this one");

        await call.AnswerAsync(speech: "delete ticket 1");
        await call.AnswerAsync(speech: "four eight two one");
        var declined = await call.AnswerAsync(speech: "No");

        Assert.Contains("haven't asked for anything", PhoneCall.Spoken(declined), StringComparison.Ordinal);
        Assert.NotNull(declined.Root!.Element("Gather"));
        Assert.Equal(0, await fixture.Host.InOrganizationAsync(call.Organization.Id, db => db.ApprovalRequests.CountAsync()));
    }

    [Fact]
    public async Task ThreeWrongPinsHandTheCallOverAreAuditedAndARepeatedWrongPinCountsOnce()
    {
        using var call = await PhoneCall.CreateAsync(fixture, callerHandle: "admin");
        await VoicePinData.SetPinAsync(fixture, call, "admin");
        await call.IncomingAsync();
        await call.AnswerAsync(speech: "open a ticket: spare monitor");
        await call.AnswerAsync(speech: "delete ticket 1");

        var malformed = await call.AnswerAsync(speech: "banana");
        Assert.Contains("4 to 8 digits", PhoneCall.Spoken(malformed), StringComparison.Ordinal);
        var action = call.NextAction!;
        // Eight digits, so that no random id or timestamp in the stored activities can hold it as a number of its own.
        const string wrongPin = "70418253";
        var first = await call.AnswerAsync(digits: wrongPin);
        var repeated = await call.ExpectTwiMLAsync(await call.PostAsync(action.PathAndQuery, call.Fields(("Digits", wrongPin))));
        Assert.Contains("2 tries left", PhoneCall.Spoken(first), StringComparison.Ordinal);
        Assert.Equal(PhoneCall.Spoken(first), PhoneCall.Spoken(repeated));
        var second = await call.AnswerAsync(digits: "2222");
        Assert.Contains("1 try left", PhoneCall.Spoken(second), StringComparison.Ordinal);
        var third = await call.AnswerAsync(digits: "3333");

        Assert.Equal(VoiceFixture.HandoverNumber, third.Root!.Element("Dial")!.Value);
        Assert.Equal(["wrong", "wrong", "wrong", "locked_out"], await VoicePinData.AuditAsync(fixture, call, "voice_pin"));
        Assert.Equal(0, await fixture.Host.InOrganizationAsync(call.Organization.Id, db => db.ApprovalRequests.CountAsync()));
        var transcript = await VoicePinData.TranscriptAsync(fixture, call);
        Assert.All(transcript, t => Assert.DoesNotMatch($"(?<![0-9A-Za-z]){wrongPin}(?![0-9A-Za-z])", t));
        Assert.DoesNotContain(transcript, t => t.Contains("banana", StringComparison.Ordinal));
    }
}
