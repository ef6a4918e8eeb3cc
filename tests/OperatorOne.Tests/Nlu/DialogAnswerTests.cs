using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.Nlu;

/// <summary>An open question is answered by "ticket 2" too, although that alone would also read as "show ticket 2".</summary>
[Collection(BotCollection.Name)]
public sealed class DialogAnswerTests(BotHost host)
{
    [Fact]
    public async Task TicketAndNumberAnswersTheQuestionWhichTicket()
    {
        var org = await TestOrganization.CreateAsync(host);
        using var chat = await Chat.StartAsync(host, org, "member");

        await chat.Send("open a ticket: first one");
        await chat.ExpectReply("#1");
        await chat.Send("open a ticket: second one");
        await chat.ExpectReply("#2");
        await chat.Send("close a ticket");
        await chat.ExpectReply("Which ticket?");
        await chat.Send("ticket 2");
        await chat.ExpectReply("#2 is now closed");
    }
}
