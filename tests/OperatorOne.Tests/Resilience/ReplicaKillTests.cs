using System.Diagnostics;
using OperatorOne.Tests.Ai;
using OperatorOne.Tests.Slack;
using OperatorOne.Tests.Teams;
using OperatorOne.Tests.Voice;

namespace OperatorOne.Tests.Resilience;

/// <summary>
/// A replica killed with kill -9 at three chosen instants of a turn, with one turn from each of the four channels in
/// hand: (a) acknowledged and not yet committed (the model holds every answer, a slow model), (b) committed and not yet
/// delivered or settled (a halt point), (c) holding the claim of an outbox row it is about to send (a halt point). A
/// surviving replica must finish each turn: its effect once, one reply at the channel, nothing left pending. Each
/// instant is reached by an event (the channels' acknowledgements, the model's requests, the victim's "halted at"
/// line), never by waiting a while.
/// </summary>
public sealed class ReplicaKillTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan StartupPatience = TimeSpan.FromSeconds(120);

    /// <summary>
    /// Work__ReplicaTimeoutSeconds: a dead replica's claims move on within seconds of its last heartbeat. The default
    /// (10 s), not less: at 3 s a live victim starved of CPU on a loaded 2-core machine missed its beats and the
    /// survivor took its claims before the kill (seen in one of the 20 runs the issue asks for).
    /// </summary>
    private const int ReplicaTimeoutSeconds = 10;

    /// <summary>Kill, then takeover and delivery: the claim dies 10 s after the last heartbeat (every second); the rest is headroom.</summary>
    private static readonly TimeSpan TakeoverLimit = TimeSpan.FromSeconds(30);

    public enum KillPoint
    {
        Acknowledged,
        Committed,
        Delivering,
    }

    [Fact]
    public async Task AReplicaKilledAfterAcknowledgingAfterCommittingOrWhileDeliveringLosesNoTurnOnAnyChannelAndDuplicatesNothing()
    {
        var clock = Stopwatch.StartNew();
        var store = await SharedStore.CreateAsync();
        await BotProcess.MigrateAsync(store.AdminConnection);
        await using var model = new OpenAiStandIn { Responder = TicketModel.Answer };
        await model.StartAsync();
        await using var slack = new SlackStandIn();
        await slack.StartAsync();
        await using var teams = await TeamsCloud.StartAsync();
        var settings = Settings(model, slack);
        await using var survivor = BotProcess.Start(store.RuntimeConnection, settings);
        using var http = new HttpClient { Timeout = Patience };
        await survivor.WaitUntilReadyAsync(http, StartupPatience);
        output.WriteLine($"{clock.Elapsed}: survivor ready");

        foreach (var point in Enum.GetValues<KillPoint>())
        {
            var scenario = new KillScenario(point, store, http, model, slack, teams, survivor, output);
            await scenario.RunAsync(new Dictionary<string, string>(settings) { ["Faults__HaltAt"] = HaltAt(point) }, StartupPatience);
            Assert.True(scenario.Takeover < TakeoverLimit, $"{point}: the survivor took {scenario.Takeover} to finish the dead replica's turns.");
            output.WriteLine($"{clock.Elapsed}: {point} passed; takeover {scenario.Takeover.TotalSeconds:0.0} s, all replies {scenario.Answered.TotalSeconds:0.0} s after the kill");
        }
        Assert.False(survivor.HasExited, survivor.Output);
    }

    private static string HaltAt(KillPoint point) => point switch
    {
        KillPoint.Committed => "committed",
        KillPoint.Delivering => "delivering",
        _ => "none",
    };

    /// <summary>
    /// Every replica alike: the model at the stand-in (a generous timeout, so a held answer is a slow model, not a
    /// failed one), Slack at its stand-in, Twilio signed, Teams in loopback local-test mode (Development), budgets
    /// short so a held turn outlives them, and a dead replica noticed within seconds.
    /// </summary>
    private static Dictionary<string, string> Settings(OpenAiStandIn model, SlackStandIn slack) => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Development",
        ["Work__ReplicaTimeoutSeconds"] = ReplicaTimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        // A beat every second leaves a live replica nine beats of slack on a loaded machine before its claims pass on.
        ["Work__HeartbeatSeconds"] = "1",
        ["Hosting__ShutdownTimeoutSeconds"] = "5",
        ["Limits__TurnsPerUserPerMinute"] = "10000",
        ["Limits__TurnsPerOrganizationPerMinute"] = "100000",
        ["Llm__Provider"] = "OpenAI",
        ["Llm__BaseUrl"] = model.ApiBaseUrl.ToString(),
        ["Llm__ApiKey"] = "sk-stand-in-secret-key",
        ["Llm__Model"] = "stand-in-model",
        ["Llm__TimeoutSeconds"] = "120",
        ["Slack__SigningSecret"] = FourChannels.SlackSigningSecret,
        ["Slack__BotToken"] = FourChannels.SlackBotToken,
        ["Slack__ApiBaseUrl"] = slack.ApiBaseUrl.ToString(),
        ["Twilio__AuthToken"] = VoiceFixture.AuthToken,
        ["Twilio__AccountSid"] = VoiceFixture.AccountSid,
        ["Twilio__PublicBaseUrl"] = VoiceFixture.PublicBaseUrl.ToString(),
        ["Teams__TurnBudget"] = "00:00:00.500",
        ["WebChat__TurnBudget"] = "00:00:00.500",
        ["Voice__TurnBudget"] = "00:00:01",
        ["Voice__MaxHolds"] = "20",
    };
}
