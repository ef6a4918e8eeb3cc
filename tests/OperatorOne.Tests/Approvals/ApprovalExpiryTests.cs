using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OperatorOne.Bot.Core.Approvals;
using OperatorOne.Data.Approvals;
using OperatorOne.Tests.Demo;
using OperatorOne.Tests.Infrastructure;
using OperatorOne.Bot.Core.Work;

namespace OperatorOne.Tests.Approvals;

[Collection(BotCollection.Name)]
public sealed class ApprovalExpiryTests(BotHost host)
{
    [Fact]
    public async Task AnExpiredRequestCannotBeApprovedAndTheRequesterIsTold()
    {
        var org = await TestOrganization.CreateAsync(host, o => o.ApprovalExpiry = TimeSpan.FromHours(1));
        using var member = await Chat.StartAsync(host, org, "member");
        using var admin = await Chat.StartAsync(host, org, "admin");
        await member.Send("open a ticket: soon to expire");
        await member.ExpectReply("#1");
        await member.Send("delete ticket 1");
        var card = await admin.ExpectCard("Approve");
        // The expiry scan as it will run an hour and a minute from now, instead of waiting for that.
        var later = new ShiftedClock { Offset = TimeSpan.FromMinutes(61) };
        var expiry = new ApprovalExpiry(host.Services.GetRequiredService<IServiceScopeFactory>(), later, host.Services.GetRequiredService<WorkSignal>());

        await expiry.ExpireAllAsync(CancellationToken.None);
        await member.ExpectReply("expired without a decision");
        await admin.ExpectCard("Expired");
        await admin.Submit(card["attachments"]![0]!["content"]!["actions"]![0]!["data"]!.DeepClone().AsObject());

        await admin.ExpectReply("already expired");
        Assert.Equal(ApprovalStatus.Expired, await host.InOrganizationAsync(org.Id, db => db.ApprovalRequests.Select(a => a.Status).SingleAsync()));
        Assert.Equal(1, await host.InOrganizationAsync(org.Id, db => db.Tickets.CountAsync()));
    }
}
