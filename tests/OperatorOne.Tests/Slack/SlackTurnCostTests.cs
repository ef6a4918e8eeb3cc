using Microsoft.Extensions.DependencyInjection;
using OperatorOne.Bot.Core.Turns;
using OperatorOne.Tests.Turns;

namespace OperatorOne.Tests.Slack;

/// <summary>
/// What a fast Slack turn costs in SQL, from the signed event to the endpoint's answer (the reply pushed to Slack
/// included), like <see cref="TurnCostTests"/> for web chat. The workspace (its organization and bot token) is
/// remembered for a while, a sender looked up lately is not looked up again and a message without files needs no
/// preparation, so nothing runs before the turn's own first statement: op_enter_turn (the organization and the rate
/// limits, committed on its own), then the turn's one transaction (3 statements for help), then the pushed reply, sent
/// from what the turn holds and marked sent in one statement on its own — as for Teams (<c>TeamsTurnCostTests</c>).
/// </summary>
[Collection(SlackCollection.Name)]
public sealed class SlackTurnCostTests(SlackFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task AFastSlackTurnIsOneTransactionAfterTheRateLimitsOwnStatement()
    {
        using var workspace = await SlackWorkspace.CreateAsync(fixture);
        var dm = workspace.DmChannel("member");
        // Warm-up: the workspace and the sender are looked up once (linked already), the organization's tools are built.
        await workspace.PostEventAsync(workspace.DmEnvelope("member", "help"));
        await fixture.Slack.WaitForAsync(c => c.Method == "chat.postMessage" && c.Arguments["channel"]?.ToString() == dm, 1);
        using var recorder = new SqlRecorder();

        // The endpoint answers once the turn commits; the pushed reply is measured until its row is marked sent.
        var cost = await recorder.MeasureAsync(async () =>
        {
            await workspace.PostEventAsync(workspace.DmEnvelope("member", "help"));
            await fixture.Host.Services.GetRequiredService<InFlightTurns>().WhenIdleAsync(TestContext.Current.CancellationToken);
        });
        await fixture.Slack.WaitForAsync(c => c.Method == "chat.postMessage" && c.Arguments["channel"]?.ToString() == dm, 2);

        output.WriteLine(cost.ToString());
        Assert.Equal(1, cost.Transactions);
        Assert.Equal(2, cost.Autocommits);
        Assert.Equal(5, cost.Commands.Count);
        Assert.Contains("op_outbox_delivered", cost.Commands[^1], StringComparison.Ordinal);
    }
}
