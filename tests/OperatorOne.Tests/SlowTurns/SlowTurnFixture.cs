using Microsoft.Extensions.DependencyInjection;
using OperatorOne.Bot.Core.Turns;
using OperatorOne.Tests.Ai;
using OperatorOne.Tests.Infrastructure;
using OperatorOne.Tests.Voice;

namespace OperatorOne.Tests.SlowTurns;

/// <summary>
/// The real bot with Twilio, the LLM pointed at the OpenAI stand-in (which a test holds to make a turn as slow as it
/// likes), a long LLM timeout and small channel budgets, so every held turn outlives its channel's budget.
/// </summary>
public sealed class SlowTurnFixture : IAsyncLifetime
{
    public const int MaxHolds = 2;

    public VoiceFixture Voice { get; } = new();
    public OpenAiStandIn Model { get; } = new();
    public BotHost Host => Voice.Host;

    public async ValueTask InitializeAsync()
    {
        await Model.StartAsync();
        Model.Configure(Host.Settings, timeoutSeconds: 120);
        Host.Settings["WebChat:TurnBudget"] = "00:00:00.300";
        Host.Settings["Voice:TurnBudget"] = "00:00:00.300";
        Host.Settings["Voice:MaxHolds"] = MaxHolds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await Voice.InitializeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        Model.Release();
        await Voice.DisposeAsync();
        await Model.DisposeAsync();
    }

    /// <summary>Holds the model's next answer, scripted as <paramref name="answer"/>; dispose to release it.</summary>
    public IDisposable HoldModel(string answer)
    {
        Model.Reset();
        Model.ReplyText(answer);
        Model.Hold();
        return new Releaser(Model);
    }

    /// <summary>Waits until the held turn has reached the model, so it is certainly still running.</summary>
    public Task ModelAskedAsync() => Until(() => Model.Requests.Count > 0, "the turn to reach the model");

    /// <summary>Waits until no request or turn is in flight: every detached turn has committed or given up.</summary>
    public Task IdleAsync() => Until(() => Host.Services.GetRequiredService<InFlightTurns>().Count == 0, "the turns in flight to finish");

    public static async Task Until(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting for {what}.");
            await Task.Delay(50);
        }
    }

    private sealed class Releaser(OpenAiStandIn model) : IDisposable
    {
        public void Dispose() => model.Release();
    }
}

[CollectionDefinition(Name)]
public sealed class SlowTurnCollection : ICollectionFixture<SlowTurnFixture>
{
    public const string Name = "slow-turns";
}
