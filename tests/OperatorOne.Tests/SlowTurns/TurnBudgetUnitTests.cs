using OperatorOne.Channels.Voice;
using OperatorOne.Channels.Voice.Media;
using OperatorOne.Channels.WebChat;

namespace OperatorOne.Tests.SlowTurns;

/// <summary>The budgets' validation and the hold TwiML, without a host.</summary>
public sealed class TurnBudgetUnitTests
{
    private static readonly TwilioOptions Twilio = new() { AuthToken = "t", PublicBaseUrl = new Uri("https://voice.example.test/"), HandoverNumber = "+15550000999" };

    [Theory]
    [InlineData("00:00:00", false)]
    [InlineData("00:00:05", true)]
    [InlineData("00:00:15", true)]
    [InlineData("00:00:16", false)]
    public void AWebChatBudgetMustBePositiveAndBelowTheClientsPatience(string budget, bool valid) =>
        Assert.Equal(valid, WebChatOptions.IsValid(new WebChatOptions { TurnBudget = TimeSpan.Parse(budget, System.Globalization.CultureInfo.InvariantCulture) }));

    [Fact]
    public void AVoiceBudgetBeyondTwiliosDeadlineOrNoHoldsAtAllAreRefused()
    {
        var failures = new VoiceMediaOptionsValidator().Validate(null, new VoiceMediaOptions { TurnBudget = TimeSpan.FromSeconds(15), MaxHolds = 0 }).Failures ?? [];

        Assert.Contains(failures, f => f.Contains("Voice:TurnBudget", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("Voice:MaxHolds", StringComparison.Ordinal));
        Assert.True(new VoiceMediaOptionsValidator().Validate(null, new VoiceMediaOptions()).Succeeded);
    }

    [Fact]
    public void TheFirstHoldSaysTheHoldingPhraseAndLaterOnesOnlyPauseBeforeRedirectingToTheWait()
    {
        var first = VoiceDialog.Hold(step: 3, misses: 1, hold: 1, Twilio).Root!;
        var later = VoiceDialog.Hold(step: 3, misses: 1, hold: 2, Twilio).Root!;

        Assert.Equal(VoiceDialog.HoldingPhrase, first.Element("Say")!.Value);
        Assert.Equal("https://voice.example.test/api/voice/twilio/wait?step=3&misses=1&hold=1", first.Element("Redirect")!.Value);
        Assert.Null(later.Element("Say"));
        Assert.Equal("1", later.Element("Pause")!.Attribute("length")!.Value);
        Assert.Equal("https://voice.example.test/api/voice/twilio/wait?step=3&misses=1&hold=2", later.Element("Redirect")!.Value);
    }

    [Fact]
    public void AnApologyAfterTooManyMissesPutsTheCallerThroughToAPerson()
    {
        var asked = VoiceDialog.TookTooLong(["help"], step: 4, misses: VoiceEndpoints.MaxMisses + 1, Twilio).Root!;
        var through = VoiceDialog.TookTooLong(["help"], step: 4, misses: VoiceEndpoints.MaxMisses + 2, Twilio).Root!;

        Assert.Equal(VoiceDialog.Overdue, asked.Element("Gather")!.Element("Say")!.Value);
        Assert.Equal("+15550000999", through.Element("Dial")!.Value);
    }
}
