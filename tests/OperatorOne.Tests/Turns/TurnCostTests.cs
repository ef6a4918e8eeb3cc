using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.Turns;

/// <summary>
/// What a fast web chat turn costs in SQL, counted from the Direct Line post to its answer (the channel's own checks
/// included): a regression in statements or transactions fails here, not in a benchmark nobody ran. The pins are exact,
/// so a cut shows here too and is pinned when it lands. A statement is what the server plans and runs: a batch of three
/// INSERTs is three, one INSERT with CTEs is one. Help, 7: the endpoint's tenant write and its conversation read (which
/// also takes the message's id), both outside the transaction, as is the turn's first statement (op_enter_turn: the
/// organization and the rate limits, committed on its own); then in the one transaction the delivery id with the caller,
/// the conversation and the version of the organization's own tools (cached tools are used while it matches), the open
/// dialog, the Direct Line log (lock, ids and the message), and the turn's new rows (transcript in and out, outbox, log
/// entry, audit) as one statement. Showing my tickets adds the list (page, names and count in one query). Opening a
/// ticket adds the number, the service desk's settings (five reads), the webhook subscriptions and the tool's own save
/// (three inserts between a savepoint and its release).
/// </summary>
[Collection(BotCollection.Name)]
public sealed class TurnCostTests(BotHost host, ITestOutputHelper output)
{
    [Theory]
    [InlineData("help", "tickets", 7, 7)]
    [InlineData("show my tickets", "ticket", 8, 8)]
    [InlineData("open a ticket: the counted printer is jammed", "#", 17, 19)]
    public async Task AFastWebChatTurnIsFewStatementsInOneTransaction(string text, string reply, int expectedCommands, int expectedStatements)
    {
        var org = await TestOrganization.CreateAsync(host);
        using var chat = await Chat.StartAsync(host, org, "member");
        // The conversation's first turn is warm-up: the measured one is an ordinary turn of an ongoing conversation.
        await chat.Send("help");
        await chat.ExpectReply("tickets");
        using var recorder = new SqlRecorder();

        var cost = await recorder.MeasureAsync(() => chat.Send(text));
        await chat.ExpectReply(reply);

        output.WriteLine(cost.ToString());
        Assert.Equal(1, cost.Transactions);
        // Each a transaction of its own on the server: the endpoint's tenant write and conversation read, and op_enter_turn.
        Assert.Equal(3, cost.Autocommits);
        Assert.Equal(expectedCommands, cost.Commands.Count);
        Assert.Equal(expectedStatements, cost.Statements);
    }
}
