using Microsoft.Extensions.DependencyInjection;
using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.Nlu;

/// <summary>
/// A bot that never acts on a guess alone (Recognition:Accept above any similarity), so every sentence no pattern
/// explains is offered as choices; started once the sentence model has loaded, so no test depends on timing. It takes
/// phone calls too (Twilio configured as in <see cref="Voice.VoiceFixture"/>), so the phone's choices are tested on it.
/// </summary>
public sealed class NluFixture : IAsyncLifetime
{
    public BotHost Host { get; } = new();

    public async Task InitializeAsync()
    {
        Host.Settings["Recognition:Accept"] = "2";
        Host.Settings["Recognition:Floor"] = "0.3";
        Voice.VoiceFixture.Configure(Host);
        await Host.InitializeAsync();
        var loading = Host.Services.GetRequiredService<SemanticIntents>().Start();
        Assert.NotNull(loading);
        await loading.WaitAsync(TimeSpan.FromMinutes(3));
    }

    public Task DisposeAsync() => Host.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class NluCollection : ICollectionFixture<NluFixture>
{
    public const string Name = "nlu";
}
