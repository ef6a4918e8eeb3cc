using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.Turns;

/// <summary>
/// What a fast web chat turn costs in SQL, counted from the Direct Line post to its answer (the channel's own checks
/// included): a regression in statements or transactions fails here, not in a benchmark nobody ran. The pins are exact,
/// so a cut shows here too and is pinned when it lands. Help: the endpoint's tenant and conversation read (which also
/// takes the message's id), the organization, the rate limits, then in the transaction the delivery id with the caller,
/// the conversation, the open dialog, the organization's own tools, the Direct Line log (lock, ids and the message in one
/// statement) and the final save. Opening a ticket adds the number, the service desk's settings and the tool's own save.
/// </summary>
[Collection(BotCollection.Name)]
public sealed class TurnCostTests(BotHost host, ITestOutputHelper output)
{
    [Theory]
    [InlineData("help", "tickets", 10, 14)]
    [InlineData("open a ticket: the counted printer is jammed", "#", 20, 25)]
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
        Assert.Equal(expectedCommands, cost.Commands.Count);
        Assert.Equal(expectedStatements, cost.Statements);
    }
}
