using OperatorOne.Channels.Slack;

namespace OperatorOne.Tests.Slack;

public sealed class SlackOptionsTests
{
    private static string Failures(SlackOptions options) =>
        string.Join(" ", new SlackOptionsValidator().Validate(null, options).Failures ?? []);

    [Fact]
    public void ABotTokenWithoutASigningSecretFailsNamingTheSetting() =>
        Assert.Contains("Slack:SigningSecret", Failures(new SlackOptions { BotToken = "xoxb-1" }));

    [Fact]
    public void AClientIdWithoutItsSecretFailsNamingTheSetting() =>
        Assert.Contains("Slack:ClientSecret", Failures(new SlackOptions { SigningSecret = "s", ClientId = "1.2" }));

    [Fact]
    public void AUserTokenInPlaceOfABotTokenIsRefused() =>
        Assert.Contains("Slack:BotToken", Failures(new SlackOptions { SigningSecret = "s", BotToken = "xoxp-1" }));

    [Fact]
    public void NoSettingsAtAllIsValidAndLeavesTheChannelOff()
    {
        var options = new SlackOptions();
        Assert.True(new SlackOptionsValidator().Validate(null, options).Succeeded);
        Assert.False(options.IsEnabled);
    }

    [Fact]
    public void ASigningSecretWithABotTokenIsAValidSingleWorkspaceSetup() =>
        Assert.True(new SlackOptionsValidator().Validate(null, new SlackOptions { SigningSecret = "s", BotToken = "xoxb-1", TeamId = "T1" }).Succeeded);
}
