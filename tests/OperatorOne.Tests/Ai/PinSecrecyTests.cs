using Microsoft.EntityFrameworkCore;
using OperatorOne.Bot.Core.Security;
using OperatorOne.Data.Tickets;
using OperatorOne.Tests.Infrastructure;
using OperatorOne.Tests.Voice;

namespace OperatorOne.Tests.Ai;

/// <summary>
/// With the LLM on, a voice PIN typed in chat never reaches the provider, in any phrasing the PIN tool takes, as the
/// answer to its question, when the model starts the flow, or mentioned in passing; nor the transcript or audit. The
/// PIN still opens the phone's risky flow.
/// </summary>
[Collection(VoiceLlmCollection.Name)]
public sealed class PinSecrecyTests(VoiceLlmFixture fixture)
{
    // Eight digits each: as a number of its own, no random value in the rows can be one by chance. Four-digit PINs were:
    // an llm_call's latencyMs, a GUID group ("4xxx" is a version-4 GUID's third) or a row id may be any four digits.
    private static readonly string[] Pins = ["48213905", "59302716", "72648150", "15937402", "86425319"];

    /// <summary>The PIN as a number of its own; random ids (hex, base64) may hold the same digits by chance.</summary>
    private static void AssertNoPin(string row)
    {
        foreach (var pin in Pins)
        {
            Assert.DoesNotMatch($@"(?<![0-9A-Za-z]){pin}(?![0-9A-Za-z])", row);
        }
    }

    [Fact]
    public async Task APinTypedInChatNeverReachesTheModelTranscriptOrAuditAndStillWorksOnTheCall()
    {
        var model = fixture.Model;
        using var call = await PhoneCall.CreateAsync(fixture.Voice, "admin");
        var org = call.Organization;
        using var chat = await Chat.StartAsync(fixture.Host, org, "admin");
        model.Reset();

        await chat.Send("set my voice pin 48213905");
        await chat.ExpectReply("Your voice PIN is set");
        await chat.Send("change my phone PIN to 59302716");
        await chat.ExpectReply("Your voice PIN is changed");
        await chat.Send("set my voice pin");
        await chat.ExpectReply("What should your voice PIN be?");
        await chat.Send("72648150");
        await chat.ExpectReply("Your voice PIN is changed");
        Assert.Empty(model.Requests);

        // The model starts the flow (and makes up a PIN, which is dropped); the answer goes to the tool, not the model.
        model.CallTool("set_voice_pin", """{"pin":"1111"}""");
        model.ReplyText("What should your voice PIN be? Type 4 to 8 digits.");
        await chat.Send("I'd like a fresh code for when I phone in");
        await chat.ExpectReply("What should your voice PIN be?");
        await chat.Send("15937402");
        await chat.ExpectReply("Your voice PIN is changed");

        model.ReplyText("Sorry about that. I can't check PINs, but you can set a new one.");
        await chat.Send("my pin 86425319 didn't work on the last call");
        await chat.ExpectReply("can't check PINs");

        Assert.Equal(3, model.Requests.Count);
        Assert.All(model.Requests, r => AssertNoPin(r.ToJsonString()));
        Assert.Contains("[SECRET_1]", model.Requests[2].ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("NOT DONE YET. The pin is secret", model.Requests[1].ToJsonString(), StringComparison.Ordinal);
        var pinTool = model.Requests[0]["tools"]!.AsArray().Select(t => t!["function"]!).Single(f => f["name"]!.ToString() == "set_voice_pin");
        Assert.Null(pinTool["parameters"]!["properties"]!.AsObject()["pin"]);

        var (hash, transcript, audit, log, llmCalls, skipped) = await fixture.Host.InOrganizationAsync(org.Id, async db => (
            await db.VoicePins.Where(p => p.MemberId == org.Members["admin"]).Select(p => p.Hash).SingleAsync(),
            (await db.TranscriptMessages.Select(m => new { m.Text, m.Activity }).ToListAsync()).Select(m => m.Text + " " + m.Activity).ToList(),
            (await db.AuditEvents.Select(e => new { e.Arguments, e.Detail }).ToListAsync()).Select(e => e.Arguments + " " + e.Detail).ToList(),
            await db.DirectLineActivities.Select(a => a.Activity).ToListAsync(),
            await db.AuditEvents.CountAsync(e => e.Kind == "llm_call"),
            await db.AuditEvents.CountAsync(e => e.Kind == "llm_skipped" && e.Outcome == "secret")));
        Assert.True(VoicePins.Matches("15937402", hash));
        Assert.False(VoicePins.Matches("1111", hash));
        Assert.All(transcript.Concat(audit).Concat(log), AssertNoPin);
        Assert.Equal(2, llmCalls);
        Assert.Equal(5, skipped);

        await fixture.Host.InOrganizationAsync(org.Id, async db =>
        {
            db.Tickets.Add(new Ticket
            {
                Id = Guid.NewGuid(), OrganizationId = org.Id, Number = 12, Title = "Old laptop", RequesterId = org.Members["admin"],
                CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
            });
            return await db.SaveChangesAsync();
        });
        await call.IncomingAsync();
        var ask = await call.AnswerAsync(speech: "delete ticket 12");
        Assert.Contains("voice PIN", PhoneCall.Spoken(ask), StringComparison.Ordinal);
        var readBack = await call.AnswerAsync(digits: "15937402");
        Assert.Contains("You asked to delete ticket 12", PhoneCall.Spoken(readBack), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(3, model.Requests.Count);
    }

    [Fact]
    public async Task AGuestTypingAPinIsRefusedWithoutTheModelAndTheDigitsAreMaskedAnyway()
    {
        var org = await TestOrganization.CreateAsync(fixture.Host);
        using var guest = await Chat.StartAsync(fixture.Host, org, "stranger");
        fixture.Model.Reset();

        await guest.Send("set my voice pin 48213905");
        await guest.ExpectReply("I don't know you yet");

        Assert.Empty(fixture.Model.Requests);
        var rows = await fixture.Host.InOrganizationAsync(org.Id, async db =>
            (await db.TranscriptMessages.Select(m => new { m.Text, m.Activity }).ToListAsync()).Select(m => m.Text + " " + m.Activity)
            .Concat(await db.DirectLineActivities.Select(a => a.Activity).ToListAsync())
            .Concat((await db.AuditEvents.Select(e => new { e.Arguments, e.Detail }).ToListAsync()).Select(e => e.Arguments + " " + e.Detail))
            .ToList());
        Assert.All(rows, AssertNoPin);
        Assert.Contains(rows, r => r.StartsWith("set my voice pin ••••", StringComparison.Ordinal));
    }
}
