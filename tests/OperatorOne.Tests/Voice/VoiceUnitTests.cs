using System.Text.Json.Nodes;
using OperatorOne.Bot.Core.Activities;
using OperatorOne.Bot.Core.Cards;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Channels.Voice;

namespace OperatorOne.Tests.Voice;

public sealed class VoiceUnitTests
{
    private static string Failures(TwilioOptions options) =>
        string.Join(" ", new TwilioOptionsValidator().Validate(null, options).Failures ?? []);

    [Fact]
    public void AHandoverNumberWithoutAnAuthTokenFailsNamingTheSetting() =>
        Assert.Contains("Twilio:AuthToken", Failures(new TwilioOptions { HandoverNumber = "+15550000999" }));

    [Fact]
    public void AnAuthTokenWithoutThePublicBaseUrlFailsNamingTheSetting() =>
        Assert.Contains("Twilio:PublicBaseUrl", Failures(new TwilioOptions { AuthToken = "t" }));

    [Fact]
    public void AHandoverNumberThatIsNotE164IsRefused() =>
        Assert.Contains("Twilio:HandoverNumber", Failures(new TwilioOptions { AuthToken = "t", PublicBaseUrl = new("https://x.test/"), HandoverNumber = "555-0100" }));

    [Fact]
    public void NoSettingsAtAllIsValidAndLeavesTheChannelOff()
    {
        Assert.True(new TwilioOptionsValidator().Validate(null, new TwilioOptions()).Succeeded);
        Assert.False(new TwilioOptions().IsEnabled);
    }

    [Fact]
    public void TheSignatureMatchesTwiliosPublishedExample()
    {
        var fields = new Dictionary<string, string>
        {
            ["CallSid"] = "CA1234567890ABCDE", ["Caller"] = "+14158675309", ["Digits"] = "1234", ["From"] = "+14158675309", ["To"] = "+18005551212",
        };

        Assert.Equal("RSOYDt4T1cUTdK1PDd93/VVr8B8=", TwilioSignature.Compute("12345", "https://mycompany.com/myapp.php?foo=1&bar=2", fields));
        Assert.True(TwilioSignature.Verify("12345", "https://mycompany.com/myapp.php?foo=1&bar=2", [.. fields], "RSOYDt4T1cUTdK1PDd93/VVr8B8="));
    }

    [Fact]
    public void ASignatureOverTheUrlWithTheDefaultPortIsAccepted()
    {
        var fields = new Dictionary<string, string> { ["CallSid"] = "CA1" };
        var signed = TwilioSignature.Compute("token", "https://bot.example.com:443/api/voice/twilio/incoming", fields);

        Assert.True(TwilioSignature.Verify("token", "https://bot.example.com/api/voice/twilio/incoming", [.. fields], signed));
        Assert.False(TwilioSignature.Verify("other", "https://bot.example.com/api/voice/twilio/incoming", [.. fields], signed));
    }

    [Fact]
    public void ACardBecomesASpokenSummaryWithNumberedChoices()
    {
        var card = AdaptiveCard.Create(
            [AdaptiveCard.Heading("Approval #7: Delete ticket #12"), AdaptiveCard.Facts(("Expires", "2026-11-23 14:30 UTC"))],
            [AdaptiveCard.Submit("Approve", new JsonObject { ["decision"] = "approve" }), AdaptiveCard.Submit("Reject", new JsonObject { ["decision"] = "reject" })]);
        var reply = new Activity { Type = ActivityTypes.Message, Attachments = [Attachment.AdaptiveCard(card)] };

        var answer = VoiceSpeech.Render([reply]);

        Assert.Equal("Approval number 7: Delete ticket number 12. Expires: November 23 at 14:30 UTC. Say approve or press 1. Say reject or press 2.", answer.Speech);
        Assert.Equal(["Approve", "Reject"], answer.Choices.Select(c => c.Title));
        Assert.Equal("reject", VoiceChoices.Pick(answer.Choices, "2")!.Data["decision"]!.GetValue<string>());
        Assert.Equal("approve", VoiceChoices.Pick(answer.Choices, "Approve.")!.Data["decision"]!.GetValue<string>());
    }

    [Fact]
    public void MarkupIsNeverReadAloudAndLongListsAreSummarized()
    {
        var text = "You have 5 tickets:\n- **#1** [Printer](https://x.test/1) jammed\n- #2 VPN\n- #3 Mouse\n- #4 Screen\n- #5 Chair\nType 'help' for more.";

        var spoken = VoiceSpeech.SpeakText(text);

        Assert.Equal("You have 5 tickets. number 1 Printer jammed. number 2 VPN. number 3 Mouse. And 2 more. Say help for more.", spoken);
    }

    [Fact]
    public void SilenceIsRepromptedTwiceThenAPersonIsOfferedThenTheCallIsPutThrough()
    {
        var options = new TwilioOptions { AuthToken = "t", PublicBaseUrl = new("https://x.test/"), HandoverNumber = "+15550000999" };

        Assert.NotNull(VoiceDialog.Missed([], 2, 1, options).Root!.Element("Gather"));
        Assert.NotNull(VoiceDialog.Missed([], 2, 2, options).Root!.Element("Gather"));
        Assert.Contains("person", VoiceDialog.Missed([], 2, 3, options).Root!.Element("Gather")!.Element("Say")!.Value, StringComparison.Ordinal);
        Assert.Equal("+15550000999", VoiceDialog.Missed([], 2, 4, options).Root!.Element("Dial")!.Value);
    }

    [Theory]
    [InlineData("0", "Person")]
    [InlineData("I want to talk to a person", "Person")]
    [InlineData("Goodbye.", "Goodbye")]
    [InlineData("my open tickets", "Other")]
    public void TheCallerCanAskForAPersonOrSayGoodbyeAtAnyPoint(string input, string intent) =>
        Assert.Equal(intent, VoiceDialog.Intent(input, new ToolRegistry([])).ToString());
}
