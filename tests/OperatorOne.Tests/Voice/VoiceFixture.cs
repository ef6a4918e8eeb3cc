using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.Voice;

/// <summary>The real bot with Twilio configured; Twilio itself is played by the tests, which sign like Twilio does.</summary>
public sealed class VoiceFixture : IAsyncLifetime
{
    public const string AuthToken = "twilio-test-auth-token";
    public const string AccountSid = "AC00000000000000000000000000000001";
    public const string HandoverNumber = "+15550000999";

    /// <summary>What Twilio calls; the bot sits behind a "proxy" on loopback, so signatures must use this, not the request URL.</summary>
    public static readonly Uri PublicBaseUrl = new("https://voice.example.test/");

    public BotHost Host { get; } = new();

    public async Task InitializeAsync()
    {
        Configure(Host);
        await Host.InitializeAsync();
    }

    /// <summary>Twilio's settings on a host, so other fixtures' bots can take calls too.</summary>
    public static void Configure(BotHost host)
    {
        host.Settings["Twilio:AuthToken"] = AuthToken;
        host.Settings["Twilio:AccountSid"] = AccountSid;
        host.Settings["Twilio:PublicBaseUrl"] = PublicBaseUrl.ToString();
        host.Settings["Twilio:HandoverNumber"] = HandoverNumber;
    }

    public Task DisposeAsync() => Host.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class VoiceCollection : ICollectionFixture<VoiceFixture>
{
    public const string Name = "voice";
}
