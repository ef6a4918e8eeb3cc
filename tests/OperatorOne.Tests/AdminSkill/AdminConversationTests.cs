using Microsoft.EntityFrameworkCore;
using OperatorOne.Data.Approvals;
using OperatorOne.Data.Members;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.AdminSkill;

/// <summary>The admin skill through the web chat path (real HTTP, real PostgreSQL), as scripts.</summary>
[Collection(BotCollection.Name)]
public sealed class AdminConversationTests(BotHost host)
{
    [Fact]
    public async Task AnAdminSeesSystemStatusAndTheMembersWithTheirRoles()
    {
        var org = await TestOrganization.CreateAsync(host);
        using var admin = await Chat.StartAsync(host, org, "admin");

        await admin.Send("system status");
        var status = await admin.ExpectReply("Database: reachable");
        await admin.Send("list members");
        var members = await admin.ExpectReply("Mia Member (@member): member");

        var text = status["text"]!.GetValue<string>();
        Assert.Contains("Migrations: all", text);
        // The same channel checks as the admin API's /channels: web chat works, Slack is not set up in this host.
        Assert.Contains("Web chat: working", text);
        Assert.Contains("Slack: not configured: Slack settings: Slack__SigningSecret is not set.", text);
        Assert.Contains("Outbox:", text);
        Assert.Contains("Approvals: none pending", text);
        Assert.Contains("Victor Viewer (@viewer): viewer", members["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task ChangingARoleNeedsAnotherAdminsApprovalOnTheCard()
    {
        var org = await TestOrganization.CreateAsync(host);
        using var admin = await Chat.StartAsync(host, org, "admin");
        using var admin2 = await Chat.StartAsync(host, org, "admin2");

        await admin.Send("make mia an admin");
        await admin.ExpectReply("Change Mia Member's role to admin needs approval");
        Assert.Equal(MemberRole.Member, await RoleAsync(org, "member"));
        var card = await admin2.ExpectCard("Approve");
        await admin2.Submit(ApprovalCard.Data(card, "approve"));
        await admin.ExpectReply("Mia Member is now admin");

        Assert.Equal(MemberRole.Admin, await RoleAsync(org, "member"));
    }

    [Fact]
    public async Task PendingApprovalsAreListedAndDecidedInWordsThroughTheSameApprovalPath()
    {
        var org = await TestOrganization.CreateAsync(host);
        using var admin = await Chat.StartAsync(host, org, "admin");
        using var owner = await Chat.StartAsync(host, org, "owner");

        await admin.Send("remove member victor");
        await admin.ExpectReply("needs approval");
        await owner.Send("pending approvals");
        await owner.ExpectReply("#1 Remove Victor Viewer from the organization");
        await owner.Send("approve 1");
        await owner.ExpectReply("Approved #1");
        await owner.Send("approve 1");
        await owner.ExpectReply("already");

        var (active, status) = await host.InOrganizationAsync(org.Id, async db => (
            await db.Members.Where(m => m.Handle == "viewer").Select(m => m.IsActive).SingleAsync(),
            await db.ApprovalRequests.Select(a => a.Status).SingleAsync()));
        Assert.False(active);
        Assert.Equal(ApprovalStatus.Executed, status);
    }

    [Fact]
    public async Task ARejectedIdentityLinkChangesNothingAndAnApprovedOneLinks()
    {
        var org = await TestOrganization.CreateAsync(host);
        using var admin = await Chat.StartAsync(host, org, "admin");
        using var owner = await Chat.StartAsync(host, org, "owner");

        await admin.Send("link slack U0REJECTED to mia");
        await admin.ExpectReply("needs approval");
        await owner.Send("reject 1");
        await owner.ExpectReply("Rejected #1");
        await admin.ExpectReply("was rejected");
        await admin.Send("link slack user U024BE7LH to mia");
        await admin.ExpectReply("needs approval");
        var card = await owner.ExpectCard("U024BE7LH");
        await owner.Submit(ApprovalCard.Data(card, "approve"));
        await admin.ExpectReply("Linked slack identity U024BE7LH to Mia Member");

        var linked = await host.InOrganizationAsync(org.Id, db => db.ChannelIdentities.SingleAsync(i => i.Channel == "slack"));
        Assert.Equal(org.Members["member"], linked.MemberId);
    }

    [Fact]
    public async Task TheAuditLogShowsAMembersActionsAndAnAmbiguousNameIsAskedBack()
    {
        var org = await TestOrganization.CreateAsync(host);
        await host.InOrganizationAsync(org.Id, db =>
        {
            db.Members.Add(new Member { Id = Guid.NewGuid(), OrganizationId = org.Id, DisplayName = "Dana Lee", Handle = "dana.lee", CreatedAt = DateTimeOffset.UtcNow });
            db.Members.Add(new Member { Id = Guid.NewGuid(), OrganizationId = org.Id, DisplayName = "Dana Ortiz", Handle = "dana.ortiz", CreatedAt = DateTimeOffset.UtcNow });
            return db.SaveChangesAsync();
        });
        using var member = await Chat.StartAsync(host, org, "member");
        using var admin = await Chat.StartAsync(host, org, "admin");
        await member.Send("open a ticket: chair is broken");
        await member.ExpectReply("#1");

        await admin.Send("audit log for mia");
        await admin.ExpectReply("Mia Member: create_ticket → ok");
        await admin.Send("audit log since today 0:00");
        await admin.ExpectReply("create_ticket");
        await admin.Send("audit log for dana");
        await admin.ExpectReply("There are two Danas: Dana Lee (@dana.lee) or Dana Ortiz (@dana.ortiz)?");
        await admin.Send("audit log for dana.lee");
        await admin.ExpectReply("nothing for Dana Lee");
    }

    [Fact]
    public async Task AMemberMayNotUseAdminTools()
    {
        var org = await TestOrganization.CreateAsync(host);
        using var member = await Chat.StartAsync(host, org, "member");

        await member.Send("system status");
        await member.ExpectReply("Your role (member) can't show system status");
        await member.Send("make viewer an owner");
        await member.ExpectReply("Your role (member) can't change a member's role");

        Assert.Equal(MemberRole.Viewer, await RoleAsync(org, "viewer"));
        Assert.Equal(0, await host.InOrganizationAsync(org.Id, db => db.ApprovalRequests.CountAsync()));
    }

    [Fact]
    public async Task OnlyAnOwnerMakesOwnersAndNobodyChangesTheirOwnRole()
    {
        var org = await TestOrganization.CreateAsync(host);
        using var admin = await Chat.StartAsync(host, org, "admin");

        // A change the rules refuse anyway is refused before anyone is asked to approve it.
        await admin.Send("make mia an owner");
        await admin.ExpectReply("Only an owner can make or unmake owners");

        Assert.Equal(MemberRole.Member, await RoleAsync(org, "member"));
        Assert.Equal(0, await host.InOrganizationAsync(org.Id, db => db.ApprovalRequests.CountAsync()));
    }

    private Task<MemberRole> RoleAsync(TestOrganization org, string handle) =>
        host.InOrganizationAsync(org.Id, db => db.Members.Where(m => m.Handle == handle).Select(m => m.Role).SingleAsync());
}
