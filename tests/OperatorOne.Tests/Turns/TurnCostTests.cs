using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.Turns;

/// <summary>
/// What a fast web chat turn costs in SQL, counted from the Direct Line post to its answer (the channel's own checks
/// included): a regression in statements or transactions fails here, not in a benchmark nobody ran. The pins are exact,
/// so a cut shows here too and is pinned when it lands. A statement is what the server plans and runs: a batch of three
/// INSERTs is three, one INSERT with CTEs is one. Help, 5: the endpoint reads nothing (the token names the conversation),
/// so the turn's first statement is op_enter_turn — the organization, the Direct Line conversation's check and the rate
/// limits — committed on its own, asynchronously, so the counter rows are never held for a turn (README, Decisions); then
/// in the one transaction the delivery id with the caller, the conversation and the version of the organization's own
/// tools, the open dialog, the Direct Line log (lock, ids and the message), and the turn's new rows (transcript in and
/// out, outbox, log entry, audit) as one statement. Showing my tickets adds the list (page, names and count in one
/// query). Opening a ticket adds the number, the version of the service desk's settings (the settings themselves are
/// cached while it holds: the measured turn is the conversation's second ticket), the webhook subscriptions and the
/// tool's own save (three inserts between a savepoint and its release).
/// </summary>
[Collection(BotCollection.Name)]
public sealed class TurnCostTests(BotHost host, ITestOutputHelper output)
{
    [Theory]
    [InlineData("help", "tickets", 5, 5)]
    [InlineData("show my tickets", "ticket", 6, 6)]
    [InlineData("open a ticket: the counted printer is jammed", "#", 11, 13)]
    public async Task AFastWebChatTurnIsFewStatementsInOneTransaction(string text, string reply, int expectedCommands, int expectedStatements)
    {
        var org = await TestOrganization.CreateAsync(host);
        using var chat = await Chat.StartAsync(host, org, "member");
        // The conversation's first turn and one of the measured kind are warm-up: the measured one is an ordinary turn of
        // an ongoing conversation, with what a replica caches (the organization's tools, its service desk) in place.
        await chat.ExpectAnswerTo(await chat.Send("help"));
        await chat.ExpectAnswerTo(await chat.Send(text));
        using var recorder = new SqlRecorder();

        var cost = await recorder.MeasureAsync(() => chat.Send(text));
        await chat.ExpectReply(reply);

        output.WriteLine(cost.ToString());
        Assert.Equal(1, cost.Transactions);
        // op_enter_turn: the rate limits' own short transaction. Nothing else runs outside the turn's.
        Assert.Equal(1, cost.Autocommits);
        Assert.Equal(expectedCommands, cost.Commands.Count);
        Assert.Equal(expectedStatements, cost.Statements);
    }
}
