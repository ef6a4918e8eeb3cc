using System.Text.Json.Nodes;
using OperatorOne.Bot.Core.Security;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Channels.Voice;
using OperatorOne.Data.Members;

namespace OperatorOne.Tests.Voice;

/// <summary>The pure parts of the guided flows: reading answers, reading numbers back, prompts, PIN hashing, audit masking.</summary>
public sealed class VoiceFlowUnitTests
{
    private static readonly TwilioOptions Options = new() { AuthToken = "t", PublicBaseUrl = new("https://voice.example.test/") };

    [Theory]
    [InlineData("1", "Yes")]
    [InlineData("Yes.", "Yes")]
    [InlineData("that's right", "Yes")]
    [InlineData("2", "No")]
    [InlineData("No, thanks", "No")]
    [InlineData("maybe", "Unclear")]
    public void YesAndNoAreReadFromWordsAndKeys(string input, string expected) => Assert.Equal(expected, SpokenInput.YesOrNo(input).ToString());

    [Theory]
    [InlineData("approve", "Approve")]
    [InlineData("2", "Reject")]
    [InlineData("Skip it.", "Skip")]
    [InlineData("delete everything", "Unclear")]
    public void ApprovalChoicesAreReadFromWordsAndKeys(string input, string expected) => Assert.Equal(expected, SpokenInput.Choice(input).ToString());

    [Theory]
    [InlineData("4821", "4821")]
    [InlineData("four eight two one", "4821")]
    [InlineData("4 8 2 1", "4821")]
    [InlineData("it's five five five, oh one", "55501")]
    [InlineData("banana", null)]
    [InlineData("twelve hundred", null)]
    public void DigitsAreReadWhenKeyedOrSaidOneByOne(string input, string? expected) => Assert.Equal(expected, SpokenInput.Digits(input));

    [Theory]
    [InlineData("My name is Grace Hopper.", "Grace Hopper")]
    [InlineData("It's Alan", "Alan")]
    [InlineData("Linus", "Linus")]
    [InlineData("1234", null)]
    public void ANameIsTakenFromWhatTheCallerSays(string input, string? expected) => Assert.Equal(expected, SpokenInput.Name(input));

    [Theory]
    [InlineData("+15550100123", "5 5 5, 0 1 0, 0 1 2 3")]
    [InlineData("5550100", "5 5 5, 0 1 0 0")]
    [InlineData("+442071838750", "4 4 2, 0 7 1, 8 3, 8 7 5 0")]
    public void NumbersAreReadBackDigitByDigitInGroups(string number, string expected) => Assert.Equal(expected, SpokenInput.Number(number));

    [Fact]
    public void TheApprovalChoicePromptNamesTheRequestAndEveryKey()
    {
        var state = new VoiceFlowState { Flow = VoiceFlow.Approvals, Stage = VoiceStage.Choose, Approvals = [new(Guid.NewGuid(), 7, "Ada asks to delete ticket 12")] };

        var prompt = VoiceFlowPrompts.For(state);

        Assert.Equal("Approval 7: Ada asks to delete ticket 12. Say approve or press 1, reject or press 2, or skip or press 3.", prompt.Text);
        Assert.Equal(ListenFor.Choice, prompt.Listen);
    }

    [Fact]
    public void ThePinIsAskedWithAGatherForSeveralKeysEndedByPound()
    {
        var twiml = VoiceFlowPrompts.Ask(new VoiceFlowState { Flow = VoiceFlow.Risky, Stage = VoiceStage.Pin }, "Thank you.", 4, 0, Options);

        var gather = twiml.Root!.Element("Gather")!;
        Assert.Equal("#", gather.Attribute("finishOnKey")!.Value);
        Assert.Null(gather.Attribute("numDigits"));
        Assert.StartsWith("Thank you. Please say or key your voice PIN", gather.Element("Say")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void AFlowStatesJsonRoundTrips()
    {
        var state = new VoiceFlowState { Flow = VoiceFlow.Intake, Stage = VoiceStage.ConfirmNumber, Name = "Ada", Callback = "5550100" };

        Assert.Equal(state.ToJson(), VoiceFlowState.FromJson(state.ToJson()).ToJson());
        Assert.False(VoiceFlowState.FromJson("{}").IsActive);
    }

    [Fact]
    public void APinHashIsSaltedAndOnlyMatchesItsPin()
    {
        var first = VoicePins.Hash("4821");
        var second = VoicePins.Hash("4821");

        Assert.NotEqual(first, second);
        // Not as a field of its own: the salt and hash are base64, which may hold the four digits by chance.
        Assert.DoesNotMatch("(?<![0-9A-Za-z+/=])4821(?![0-9A-Za-z+/=])", first);
        Assert.True(VoicePins.Matches("4821", first));
        Assert.False(VoicePins.Matches("4822", first));
        Assert.False(VoicePins.Matches("4821", "sha256$plain"));
    }

    [Theory]
    [InlineData("4821", "4821")]
    [InlineData("12 34 56", "123456")]
    [InlineData("123", null)]
    [InlineData("123456789", null)]
    [InlineData("12a4", null)]
    public void APinIsFourToEightDigits(string input, string? expected) => Assert.Equal(expected, VoicePins.Normalize(input));

    [Fact]
    public void TheAuditTrailKeepsSecretParametersMasked()
    {
        var tool = new ToolDefinition
        {
            Name = "set_voice_pin", Description = "d", Tier = ToolTier.SafeWrite, MinimumRole = MemberRole.Viewer, Handler = () => 0,
            SecretParameters = new HashSet<string> { "pin" },
        };

        var audited = ToolExecutor.Audited(tool, new ToolCall("set_voice_pin", new JsonObject { ["pin"] = "4821" }));

        Assert.Equal("""{"pin":"[redacted]"}""", audited.Arguments.ToJsonString());
    }
}
