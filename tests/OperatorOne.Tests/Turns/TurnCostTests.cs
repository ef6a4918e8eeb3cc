using Xunit.Abstractions;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.Turns;

/// <summary>
/// What a fast web chat turn costs in SQL, counted from the Direct Line post to its answer (the channel's own checks
/// included): a regression in statements or transactions fails here, not in a benchmark nobody ran.
/// </summary>
[Collection(BotCollection.Name)]
public sealed class TurnCostTests(BotHost host, ITestOutputHelper output)
{
    [Theory]
    [InlineData("help", "tickets", 18, 23)]
    [InlineData("open a ticket: the counted printer is jammed", "#", 28, 34)]
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
