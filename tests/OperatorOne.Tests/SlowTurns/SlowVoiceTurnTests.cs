using System.Net;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using OperatorOne.Bot.Core.Activities;
using OperatorOne.Channels.Voice;
using OperatorOne.Channels.Voice.Speech;
using OperatorOne.Tests.Voice;
using OperatorOne.Tests.VoiceMedia;

namespace OperatorOne.Tests.SlowTurns;

/// <summary>
/// A call turn that outlives Voice:TurnBudget (the model is held): a Gather webhook puts the caller on hold with a
/// signed redirect that speaks the answer once it commits; a streamed call says the holding phrase, then the answer.
/// </summary>
[Collection(SlowTurnCollection.Name)]
public sealed class SlowVoiceTurnTests(SlowTurnFixture fixture)
{
    private const string Answer = "Restart the router and the wifi comes back.";
    private const string Question = "what should I do about the wifi";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task TheWebhookHoldsTheCallerWithASignedRedirectThatSpeaksTheAnswerOnceTheTurnCommitsAndAgainWhenRepeated()
    {
        using var call = await PhoneCall.CreateAsync(fixture.Voice);
        call.FollowsHolds = false;
        await call.IncomingAsync();
        Uri held;

        using (fixture.HoldModel(Answer))
        {
            var hold = await call.AnswerAsync(speech: Question);
            Assert.Equal(VoiceDialog.HoldingPhrase, PhoneCall.Spoken(hold));
            Assert.Null(hold.Root!.Element("Gather"));
            var first = Redirect(hold);
            Assert.Equal(new Uri(VoiceFixture.PublicBaseUrl, "/api/voice/twilio/wait?step=1&misses=0&hold=1"), first);
            await fixture.ModelAskedAsync();

            // Still thinking: the redirect waits out the budget and holds again, quietly.
            var again = await WaitAsync(call, first);
            Assert.NotNull(again.Root!.Element("Pause"));
            Assert.Empty(PhoneCall.Spoken(again));
            held = Redirect(again);
            Assert.Equal(new Uri(VoiceFixture.PublicBaseUrl, "/api/voice/twilio/wait?step=1&misses=0&hold=2"), held);
        }

        var answered = await WaitAsync(call, held);
        Assert.Contains("Restart the router", PhoneCall.Spoken(answered), StringComparison.Ordinal);
        Assert.Equal(new Uri(VoiceFixture.PublicBaseUrl, "/api/voice/twilio/gather?step=2&misses=0"), call.NextAction);

        // Twilio repeats the redirect: the same answer, read back, nothing run again.
        var repeated = await WaitAsync(call, held);
        Assert.Equal(answered.ToString(), repeated.ToString());
        Assert.Single(fixture.Model.Requests);
        await fixture.IdleAsync();
    }

    [Fact]
    public async Task AfterTheLastHoldTheCallerHearsAnApologyAndIsAskedAgain()
    {
        using var call = await PhoneCall.CreateAsync(fixture.Voice);
        call.FollowsHolds = false;
        await call.IncomingAsync();

        using (fixture.HoldModel(Answer))
        {
            await call.AnswerAsync(speech: Question);
            await fixture.ModelAskedAsync();

            var last = await WaitAsync(call, new Uri(VoiceFixture.PublicBaseUrl, $"/api/voice/twilio/wait?step=1&misses=0&hold={SlowTurnFixture.MaxHolds}"));

            Assert.Equal(VoiceDialog.Overdue, PhoneCall.Spoken(last));
            Assert.Equal(new Uri(VoiceFixture.PublicBaseUrl, "/api/voice/twilio/gather?step=2&misses=1"), call.NextAction);
        }
        await fixture.IdleAsync();
    }

    [Fact]
    public async Task AnUnsignedOrWronglySignedRedirectIsForbidden()
    {
        using var call = await PhoneCall.CreateAsync(fixture.Voice);
        call.FollowsHolds = false;
        using var http = fixture.Host.CreateClient();
        const string Wait = "/api/voice/twilio/wait?step=1&misses=0&hold=1";

        var unsigned = await http.PostAsync(Wait, new FormUrlEncodedContent(call.Fields()));
        var wrong = await call.PostAsync(Wait, call.Fields(), authToken: "not-the-token");

        Assert.Equal(HttpStatusCode.Forbidden, unsigned.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
    }

    [Theory]
    [InlineData("step=1&misses=0")]
    [InlineData("step=1&misses=0&hold=0")]
    [InlineData("step=1&misses=0&hold=3")]
    [InlineData("step=0&misses=0&hold=1")]
    [InlineData("step=1&misses=9&hold=1")]
    [InlineData("step=one&misses=0&hold=1")]
    public async Task ASignedRedirectWithAMalformedQueryIsABadRequest(string query)
    {
        using var call = await PhoneCall.CreateAsync(fixture.Voice);
        call.FollowsHolds = false;

        var response = await call.PostAsync("/api/voice/twilio/wait?" + query, call.Fields());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task OnAStreamedCallASlowTurnSpeaksTheHoldingPhraseFirstAndThenTheAnswer()
    {
        using var call = await PhoneCall.CreateAsync(fixture.Voice);
        call.FollowsHolds = false;
        var synthesizer = fixture.Host.Services.GetRequiredService<ISpeechSynthesizer>();
        await using var stream = await MediaStreamClient.ConnectSignedAsync(fixture.Host.BaseAddress);
        await stream.SendTextAsync("""{"event":"connected","protocol":"Call","version":"1.0.0"}""");
        await stream.StartAsync(call);
        await stream.ReplyAsync(Patience);

        using (fixture.HoldModel(Answer))
        {
            await stream.SendAsync(new JsonObject
            {
                ["event"] = "dtmf", ["streamSid"] = stream.StreamSid, ["sequenceNumber"] = "3",
                ["dtmf"] = new JsonObject { ["track"] = "inbound_track", ["digit"] = "5" },
            });

            var holding = await stream.ReplyAsync(Patience);

            Assert.Equal(await synthesizer.SynthesizeAsync(VoiceDialog.HoldingPhrase, CancellationToken.None), holding);
            Assert.Single(fixture.Model.Requests);
        }

        var answer = await stream.ReplyAsync(Patience);
        var expected = VoiceSpeech.Render([Activity.Message(Answer)]).Speech;
        Assert.Equal(await synthesizer.SynthesizeAsync(expected, CancellationToken.None), answer);
        await fixture.IdleAsync();
    }

    private static Uri Redirect(XDocument twiml)
    {
        var redirect = twiml.Root!.Element("Redirect") ?? throw new Xunit.Sdk.XunitException("No Redirect in " + twiml);
        Assert.Equal("POST", redirect.Attribute("method")?.Value);
        return new Uri(redirect.Value);
    }

    /// <summary>Follows a Redirect as Twilio does: a signed POST of the call's fields to its URL.</summary>
    private static async Task<XDocument> WaitAsync(PhoneCall call, Uri redirect) =>
        await call.ExpectTwiMLAsync(await call.PostAsync(redirect.PathAndQuery, call.Fields()));
}
