using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;

namespace OperatorOne.Tests.Voice;

/// <summary>Unknown callers are led through name, problem and callback number to a guest ticket whose number they hear.</summary>
[Collection(VoiceCollection.Name)]
public sealed class VoiceIntakeTests(VoiceFixture fixture)
{
    private static string DigitsOf(string text) => new([.. text.Where(char.IsAsciiDigit)]);

    [Fact]
    public async Task AnUnknownCallerGivesNameAndProblemConfirmsTheirOwnNumberAndHearsTheTicketNumber()
    {
        using var call = await PhoneCall.CreateAsync(fixture, callerHandle: null);

        var greeting = await call.IncomingAsync();
        Assert.StartsWith("Hi! I'm OperatorOne", PhoneCall.Spoken(greeting), StringComparison.Ordinal);
        Assert.Contains("What's your name?", PhoneCall.Spoken(greeting), StringComparison.Ordinal);
        var problem = await call.AnswerAsync(speech: "My name is Grace Hopper.");
        Assert.Contains("Thanks, Grace Hopper. What's the problem?", PhoneCall.Spoken(problem), StringComparison.Ordinal);
        var confirm = await call.AnswerAsync(speech: "The front door lock is broken and nobody can get in.");
        Assert.Contains(DigitsOf(call.From)[1..], DigitsOf(PhoneCall.Spoken(confirm)), StringComparison.Ordinal);
        Assert.Contains("good number to call you back", PhoneCall.Spoken(confirm), StringComparison.Ordinal);
        Assert.Equal("1", confirm.Root!.Element("Gather")!.Attribute("numDigits")!.Value);

        var done = await call.AnswerAsync(digits: "1");

        var ticket = await fixture.Host.InOrganizationAsync(call.Organization.Id, db => db.Tickets.SingleAsync());
        Assert.Null(ticket.RequesterId);
        Assert.Equal(call.From, ticket.GuestContact);
        Assert.Contains("front door lock", ticket.Title, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Grace Hopper", ticket.Description, StringComparison.Ordinal);
        Assert.Contains($"ticket {ticket.Number}", PhoneCall.Spoken(done), StringComparison.Ordinal);
        Assert.NotNull(done.Root!.Element("Hangup"));
        Assert.Null(done.Root.Element("Gather"));
    }

    [Fact]
    public async Task AnUnknownCallerWhoDeclinesTheirNumberGivesAnotherByKeypadThenBySpeechAndHearsItReadBack()
    {
        using var call = await PhoneCall.CreateAsync(fixture, callerHandle: null);
        await call.IncomingAsync();
        await call.AnswerAsync(speech: "It's Alan.");
        await call.AnswerAsync(speech: "My laptop won't boot");

        var ask = await call.AnswerAsync(speech: "No.");
        var gather = ask.Root!.Element("Gather")!;
        Assert.Equal("#", gather.Attribute("finishOnKey")!.Value);
        Assert.Null(gather.Attribute("numDigits"));
        var keyed = await call.AnswerAsync(digits: "4155550123");
        Assert.Contains("I heard 4 1 5, 5 5 5, 0 1 2 3.", PhoneCall.Spoken(keyed), StringComparison.Ordinal);
        await call.AnswerAsync(digits: "2");
        var spoken = await call.AnswerAsync(speech: "four one five, five five five, oh one nine nine");
        Assert.Contains("I heard 4 1 5, 5 5 5, 0 1 9 9.", PhoneCall.Spoken(spoken), StringComparison.Ordinal);

        var done = await call.AnswerAsync(speech: "Yes");

        var ticket = await fixture.Host.InOrganizationAsync(call.Organization.Id, db => db.Tickets.SingleAsync());
        Assert.Equal("4155550199", ticket.GuestContact);
        Assert.Contains("4 1 5, 5 5 5, 0 1 9 9", PhoneCall.Spoken(done), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SilenceAndNonsenseAtAnIntakeStepAreRepromptedThenTheCallerIsPutThrough()
    {
        using var call = await PhoneCall.CreateAsync(fixture, callerHandle: null);
        await call.IncomingAsync();
        await call.AnswerAsync(speech: "Ada");
        await call.AnswerAsync(speech: "The printer is on fire");
        await call.AnswerAsync(speech: "no");

        var silence = await call.AnswerAsync();
        var nonsense = await call.AnswerAsync(speech: "purple elephants");
        Assert.EndsWith("misses=2", call.NextAction!.Query, StringComparison.Ordinal);
        var handover = await call.AnswerAsync();

        Assert.Contains("didn't hear", PhoneCall.Spoken(silence), StringComparison.Ordinal);
        Assert.Contains("What number should we call you back on?", PhoneCall.Spoken(silence), StringComparison.Ordinal);
        Assert.Contains("didn't sound like a phone number", PhoneCall.Spoken(nonsense), StringComparison.Ordinal);
        Assert.Equal(VoiceFixture.HandoverNumber, handover.Root!.Element("Dial")!.Value);
        Assert.Equal(0, await fixture.Host.InOrganizationAsync(call.Organization.Id, db => db.Tickets.CountAsync()));
    }

    [Fact]
    public async Task EveryIntakeCallbackRepeatedIsAnsweredTheSameAndOpensOneTicket()
    {
        using var call = await PhoneCall.CreateAsync(fixture, callerHandle: null);
        var incoming = call.Fields();
        var first = await call.ExpectTwiMLAsync(await call.PostAsync("/api/voice/twilio/incoming", incoming));
        var again = await call.ExpectTwiMLAsync(await call.PostAsync("/api/voice/twilio/incoming", incoming));
        Assert.Equal(first.ToString(), again.ToString());

        foreach (var (speech, digits) in new[] { ("Linus", (string?)null), ("The wifi keeps dropping", null), (null, "1") })
        {
            var action = call.NextAction!;
            var extra = speech is null ? ("Digits", digits!) : ("SpeechResult", speech);
            var answer = await call.ExpectTwiMLAsync(await call.PostAsync(action.PathAndQuery, call.Fields(extra)));
            var replayed = await call.PostAsync(action.PathAndQuery, call.Fields(extra));
            Assert.Equal(answer.ToString(), XDocument.Parse(await replayed.Content.ReadAsStringAsync()).ToString());
        }

        Assert.Equal(1, await fixture.Host.InOrganizationAsync(call.Organization.Id, db => db.Tickets.CountAsync()));
    }
}
