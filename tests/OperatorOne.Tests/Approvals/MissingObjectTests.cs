using Microsoft.EntityFrameworkCore;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.Approvals;

/// <summary>
/// Every risky request that names something which does not exist (a ticket, an event, a CRM record, a document, a queue,
/// a member) is answered "I couldn't find…" (or "There is no…") at once, and no approver is asked about it.
/// </summary>
[Collection(BotCollection.Name)]
public sealed class MissingObjectTests(BotHost host)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData("member", "delete ticket 999", "I couldn't find ticket #999")]
    [InlineData("admin", "cancel event 999", "I couldn't find event #999")]
    [InlineData("admin", "move event 999 to Friday at 10am", "I couldn't find event #999")]
    [InlineData("member", "cancel the quarterly review", "I couldn't find an upcoming event like")]
    [InlineData("member", "delete contact Nobody Here", "I couldn't find")]
    [InlineData("member", "convert lead Nobody Here", "I couldn't find")]
    [InlineData("admin", "delete the document nothing like this", "I couldn't find a document")]
    [InlineData("admin", "add mia to the Nowhere queue", "There is no queue called")]
    [InlineData("admin", "make nobody-here an admin", "I couldn't find a member")]
    [InlineData("owner", "remove member nobody-here", "I couldn't find a member")]
    public async Task ARiskyRequestForSomethingMissingIsAnsweredAndAsksNobody(string handle, string text, string answer)
    {
        var org = await TestOrganization.CreateAsync(host);
        using var chat = await Chat.StartAsync(host, org, handle);

        var sent = await chat.Send(text);
        var reply = (await chat.ExpectAnswerTo(sent, Patience))["text"]?.GetValue<string>() ?? "";

        Assert.Contains(answer, reply, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("approv", reply, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, await host.InOrganizationAsync(org.Id, db => db.ApprovalRequests.CountAsync()));
    }
}
