using Microsoft.Extensions.DependencyInjection;
using OperatorOne.Bot.Core.Turns;
using OperatorOne.Tests.Turns;

namespace OperatorOne.Tests.Teams;

/// <summary>
/// What a fast Teams turn costs in SQL, from the signed activity to the endpoint's answer (the reply pushed to the
/// connector included), like <see cref="TurnCostTests"/> for web chat. A sender looked up lately is not looked up again,
/// and a message with no files needs no preparation, so nothing runs before the turn's own first statement: op_enter_turn
/// (the organization and the rate limits, committed on its own), then the turn's one transaction (3 statements for help),
/// then the pushed reply, sent from what the turn holds (its row and conversation are not read back) and marked sent in
/// one statement on its own. It was four: the tenant, the row with its conversation, the tenant again and the mark.
/// </summary>
[Collection(TeamsCollection.Name)]
public sealed class TeamsTurnCostTests(TeamsBotHost host, ITestOutputHelper output)
{
    [Fact]
    public async Task AFastTeamsTurnIsOneTransactionAfterTheRateLimitsOwnStatement()
    {
        var tenant = await TeamsTenant.CreateAsync(host.Bot);
        using var teams = new TeamsUser(host, tenant, "member");
        // Warm-up: the sender is linked (looked up once), the organization's tools are built.
        await teams.Send("help");
        await teams.ExpectReply("what you can ask");
        using var recorder = new SqlRecorder();

        // The endpoint answers once the turn commits; the pushed reply is measured until its row is marked sent.
        var cost = await recorder.MeasureAsync(async () =>
        {
            await teams.Send("help");
            await host.Bot.Services.GetRequiredService<InFlightTurns>().WhenIdleAsync(TestContext.Current.CancellationToken);
        });
        await teams.ExpectReply("what you can ask");

        output.WriteLine(cost.ToString());
        Assert.Equal(1, cost.Transactions);
        Assert.Equal(2, cost.Autocommits);
        Assert.Equal(5, cost.Commands.Count);
        Assert.Contains("op_outbox_delivered", cost.Commands[^1], StringComparison.Ordinal);
        // Every read is by key: the pushed reply's row joins its conversation, not a window over all of them.
        Assert.DoesNotContain(cost.Commands, c => c.Contains("ROW_NUMBER()", StringComparison.OrdinalIgnoreCase));
    }
}
