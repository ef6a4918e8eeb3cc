using Microsoft.Extensions.Hosting;
using OperatorOne.Bot.Core.Hosting;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Channels.Voice.Media;
using OperatorOne.Channels.Voice.Speech;
using OperatorOne.Skills.Tickets;

namespace OperatorOne.Tests.VoiceMedia;

/// <summary>The grammar the offline recognizer listens with, and the Media Streams message reader.</summary>
public sealed class SpeechGrammarTests
{
    private static readonly ToolRegistry Tickets = Build();

    private static ToolRegistry Build()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.AddBotCore();
        builder.AddTickets();
        return new ToolRegistry(builder.Services.Where(d => d.ServiceType == typeof(ToolDefinition)).Select(d => (ToolDefinition)d.ImplementationInstance!));
    }

    [Fact]
    public void TheGrammarHoldsThePhoneSafeToolPhrasesTheChoicesOnOfferAndTheCallWords()
    {
        var grammar = SpeechGrammar.For(Tickets, ["Approve", "Reject"]);

        Assert.Contains("my tickets", grammar.Phrases);
        Assert.Contains("my open tickets", grammar.Phrases);
        Assert.Contains("open a ticket", grammar.Phrases);
        Assert.Contains("what's the status of <number>", grammar.Phrases);
        Assert.Contains("close ticket <number>", grammar.Phrases);
        Assert.Contains("approve", grammar.Phrases);
        Assert.Contains("yes", grammar.Phrases);
        Assert.DoesNotContain(grammar.Phrases, p => p.StartsWith("delete", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("my open tickets", "my open tickets")]
    [InlineData("what's the status of twelve", "what's the status of 12")]
    [InlineData("close ticket one two", "close ticket 12")]
    [InlineData("close ticket twenty one", "close ticket 21")]
    [InlineData("hello how are you today", null)]
    [InlineData("uh the i", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void OnlyAWholePhraseIsAcceptedWithNumbersAsDigits(string? heard, string? expected)
    {
        var grammar = SpeechGrammar.For(Tickets, []);

        Assert.Equal(expected, grammar.Accept(heard));
    }

    [Fact]
    public void TheJsgfOffersThePhrasesOrAFillerLoopAndLeavesOutWordsTheDictionaryLacks()
    {
        var grammar = new SpeechGrammar(["my tickets", "close ticket #12", "frobnicate the widget", "add holiday 2026-12-25"]);

        var jsgf = grammar.ToJsgf(["the", "uh"], word => word != "frobnicate");

        Assert.StartsWith("#JSGF V1.0;", jsgf, StringComparison.Ordinal);
        Assert.Contains("public <utterance> = <phrase> | <filler>+;", jsgf, StringComparison.Ordinal);
        Assert.Contains("<phrase> = ( my tickets ) | ( close ticket <number>+ );", jsgf, StringComparison.Ordinal);
        Assert.Contains("<filler> = the | uh;", jsgf, StringComparison.Ordinal);
        Assert.Contains("<number> = zero | one |", jsgf, StringComparison.Ordinal);
        Assert.DoesNotContain("frobnicate", jsgf, StringComparison.Ordinal);
        Assert.DoesNotContain("holiday", jsgf, StringComparison.Ordinal);
    }

    [Fact]
    public void TwiliosStartMessageIsReadWithItsCallAndParametersAndBadMessagesSayWhy()
    {
        var start = MediaMessage.Parse("""
            {"event":"start","sequenceNumber":"1","streamSid":"MZ1","start":{"streamSid":"MZ1","accountSid":"AC1","callSid":"CA1",
             "tracks":["inbound"],"customParameters":{"To":"+15550000001","From":"+15550000002"},
             "mediaFormat":{"encoding":"audio/x-mulaw","sampleRate":8000,"channels":1}}}
            """u8);

        var read = Assert.IsType<MediaMessage.Start>(start);
        Assert.Equal(("MZ1", "CA1", "AC1", 8000), (read.StreamSid, read.CallSid, read.AccountSid, read.SampleRate));
        Assert.Equal("+15550000001", read.Parameters["To"]);
        Assert.Equal([0xFF, 0x7F], Assert.IsType<MediaMessage.Media>(MediaMessage.Parse("""{"event":"media","media":{"payload":"/38="}}"""u8)).Payload);
        Assert.Equal("5", Assert.IsType<MediaMessage.Dtmf>(MediaMessage.Parse("""{"event":"dtmf","dtmf":{"digit":"5"}}"""u8)).Digit);
        Assert.IsType<MediaMessage.Invalid>(MediaMessage.Parse("""{"event":"media","media":{"payload":"***"}}"""u8));
        Assert.IsType<MediaMessage.Invalid>(MediaMessage.Parse("""{"event":"media","media":{"payload":5}}"""u8));
        Assert.IsType<MediaMessage.Invalid>(MediaMessage.Parse("""[1,2]"""u8));
        Assert.IsType<MediaMessage.Invalid>(MediaMessage.Parse("""{"event":"start","start":{}}"""u8));
    }

    [Fact]
    public void StreamModeConnectsTheCallToTheSocketAndPassesTheNumbers()
    {
        var options = new OperatorOne.Channels.Voice.TwilioOptions { AuthToken = "x", PublicBaseUrl = new Uri("https://voice.example.test/") };
        var call = new OperatorOne.Channels.Voice.VoiceRequest { CallSid = "CA1", From = "+15550000002", To = "+15550000001" };

        var twiml = MediaTwiML.Connect(call, options);

        var stream = twiml.Root!.Element("Connect")!.Element("Stream")!;
        Assert.Equal("wss://voice.example.test/api/voice/twilio/stream", stream.Attribute("url")!.Value);
        var parameters = stream.Elements("Parameter").ToDictionary(p => p.Attribute("name")!.Value, p => p.Attribute("value")!.Value);
        Assert.Equal("+15550000001", parameters["To"]);
        Assert.Equal("+15550000002", parameters["From"]);
        Assert.NotNull(twiml.Root.Element("Hangup"));
    }
}
