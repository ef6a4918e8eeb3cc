using Microsoft.EntityFrameworkCore;

namespace OperatorOne.Tests.Voice;

/// <summary>Calls played as Twilio plays them; every answer is parsed as TwiML and checked by verb and attribute.</summary>
[Collection(VoiceCollection.Name)]
public sealed class VoiceCallTests(VoiceFixture fixture)
{
    [Fact]
    public async Task AMemberIsGreetedByNameAndTheBotListensForSpeechAndKeys()
    {
        using var call = await PhoneCall.CreateAsync(fixture);

        var twiml = await call.IncomingAsync();

        var gather = Assert.Single(twiml.Root!.Elements("Gather"));
        Assert.Equal("speech dtmf", gather.Attribute("input")!.Value);
        Assert.Equal("POST", gather.Attribute("method")!.Value);
        Assert.Equal("true", gather.Attribute("actionOnEmptyResult")!.Value);
        var hints = gather.Attribute("hints")!.Value.Split(", ");
        Assert.Contains("open a ticket", hints);
        Assert.Contains("my tickets", hints);
        Assert.Contains("talk to a person", hints);
        Assert.DoesNotContain("delete ticket", hints);
        Assert.Equal(new Uri(VoiceFixture.PublicBaseUrl, "/api/voice/twilio/gather?step=1&misses=0"), new Uri(gather.Attribute("action")!.Value));
        var say = Assert.Single(gather.Elements("Say"));
        Assert.Equal("Polly.Joanna-Neural", say.Attribute("voice")!.Value);
        Assert.Equal("en-US", say.Attribute("language")!.Value);
        Assert.StartsWith("Hi Mia!", say.Value, StringComparison.Ordinal);
        Assert.DoesNotContain("'help'", say.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMemberOpensATicketByPhoneAndHearsItsNumberThenItsStatus()
    {
        using var call = await PhoneCall.CreateAsync(fixture);
        await call.IncomingAsync();

        var opened = await call.AnswerAsync(speech: "Open a ticket: the printer on floor two is jammed.");

        var ticket = await fixture.Host.InOrganizationAsync(call.Organization.Id, db => db.Tickets.SingleAsync());
        Assert.Equal(call.Organization.Members["member"], ticket.RequesterId);
        Assert.Contains($"number {ticket.Number}", PhoneCall.Spoken(opened), StringComparison.Ordinal);
        Assert.DoesNotContain("#", PhoneCall.Spoken(opened), StringComparison.Ordinal);
        Assert.EndsWith("step=2&misses=0", call.NextAction!.Query, StringComparison.Ordinal);

        var status = await call.AnswerAsync(speech: $"What's the status of ticket {ticket.Number}?");
        Assert.Contains($"Ticket number {ticket.Number}", PhoneCall.Spoken(status), StringComparison.Ordinal);

        var mine = await call.AnswerAsync(speech: "my open tickets");
        Assert.Contains("You have 1 ticket", PhoneCall.Spoken(mine), StringComparison.Ordinal);

        var transcript = await fixture.Host.InOrganizationAsync(call.Organization.Id, db => db.TranscriptMessages
            .Where(m => db.Conversations.Any(c => c.Id == m.ConversationId && c.Channel == "voice" && c.ExternalId == call.CallSid))
            .OrderBy(m => m.Id).Select(m => m.Text).ToListAsync());
        Assert.Contains("my open tickets", transcript);
    }

    [Fact]
    public async Task AskingForAPersonOrPressingZeroDialsTheHandoverNumber()
    {
        using var call = await PhoneCall.CreateAsync(fixture);
        await call.IncomingAsync();

        foreach (var (speech, digits) in new[] { ("I'd like to talk to a person", (string?)null), (null, "0") })
        {
            var twiml = await call.AnswerAsync(speech, digits);

            Assert.Equal(VoiceFixture.HandoverNumber, twiml.Root!.Element("Dial")!.Value);
            Assert.Null(twiml.Root.Element("Gather"));
            await call.IncomingAsync();
        }
    }

    [Fact]
    public async Task SilenceIsRepromptedTwiceThenAPersonIsOfferedThenTheCallerIsPutThrough()
    {
        using var call = await PhoneCall.CreateAsync(fixture);
        await call.IncomingAsync();

        var first = await call.AnswerAsync();
        var second = await call.AnswerAsync();
        var offer = await call.AnswerAsync();
        var handover = await call.AnswerAsync();

        Assert.Contains("didn't hear", PhoneCall.Spoken(first), StringComparison.Ordinal);
        Assert.NotNull(second.Root!.Element("Gather"));
        Assert.Contains("talk to a person", PhoneCall.Spoken(offer), StringComparison.Ordinal);
        Assert.Equal(VoiceFixture.HandoverNumber, handover.Root!.Element("Dial")!.Value);
    }

    [Fact]
    public async Task NotUnderstoodCountsAsAMissAndIsRepromptedInWords()
    {
        using var call = await PhoneCall.CreateAsync(fixture);
        await call.IncomingAsync();

        var twiml = await call.AnswerAsync(speech: "purple elephants dancing");

        Assert.Contains("didn't understand", PhoneCall.Spoken(twiml), StringComparison.Ordinal);
        Assert.EndsWith("misses=1", call.NextAction!.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARiskyRequestByPhoneWithoutAVoicePinIsNotRequestedAndTheCallerIsToldToSetOne()
    {
        using var call = await PhoneCall.CreateAsync(fixture, callerHandle: "admin");
        await call.IncomingAsync();
        await call.AnswerAsync(speech: "open a ticket: old laptop to recycle");
        var ticket = await fixture.Host.InOrganizationAsync(call.Organization.Id, db => db.Tickets.SingleAsync());

        var twiml = await call.AnswerAsync(speech: $"delete ticket {ticket.Number}");

        Assert.Contains("set my voice pin", PhoneCall.Spoken(twiml), StringComparison.Ordinal);
        Assert.NotNull(twiml.Root!.Element("Gather"));
        Assert.Equal(0, await fixture.Host.InOrganizationAsync(call.Organization.Id, db => db.ApprovalRequests.CountAsync()));
        Assert.Equal(1, await fixture.Host.InOrganizationAsync(call.Organization.Id, db => db.Tickets.CountAsync()));
    }

    [Fact]
    public async Task SayingGoodbyeHangsUp()
    {
        using var call = await PhoneCall.CreateAsync(fixture);
        await call.IncomingAsync();

        var twiml = await call.AnswerAsync(speech: "Goodbye.");

        Assert.NotNull(twiml.Root!.Element("Hangup"));
    }
}
