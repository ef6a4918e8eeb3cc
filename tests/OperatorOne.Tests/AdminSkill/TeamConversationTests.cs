using Microsoft.EntityFrameworkCore;
using OperatorOne.Data.Documents;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.AdminSkill;

/// <summary>Teams for document visibility, managed in chat by admins: create, add, remove, list; members are refused.</summary>
[Collection(BotCollection.Name)]
public sealed class TeamConversationTests(BotHost host)
{
    [Fact]
    public async Task AnAdminCreatesATeamAddsAndRemovesMembersAndListsThem()
    {
        var org = await TestOrganization.CreateAsync(host);
        using var admin = await Chat.StartAsync(host, org, "admin");

        await admin.Send("create a team called Support with mia and victor");
        await admin.ExpectReply("Created the Support team with Mia Member and Victor Viewer");
        await admin.Send("create the support team");
        await admin.ExpectReply("There is already a team called Support");
        await admin.Send("add olivia to the support team");
        await admin.ExpectReply("Added Olivia Owner to the Support team");
        await admin.Send("add mia to the support team");
        await admin.ExpectReply("Mia Member is already in the Support team");
        await admin.Send("remove victor from the support team");
        await admin.ExpectReply("Removed Victor Viewer from the Support team");
        await admin.Send("add mia to the nonexistent team");
        await admin.ExpectReply("There's no team called \"nonexistent\". The teams are Support");
        await admin.Send("create team Finance");
        await admin.ExpectReply("Created the Finance team with no members yet");
        await admin.Send("list teams");
        var list = await admin.ExpectReply("2 teams:");

        Assert.Contains("- Finance (0): no members", list["text"]!.GetValue<string>());
        Assert.Contains("- Support (2): Mia Member, Olivia Owner", list["text"]!.GetValue<string>());
        var members = await host.InOrganizationAsync(org.Id, db => db.TeamMembers
            .Join(db.Teams.Where(t => t.Name == "Support"), m => m.TeamId, t => t.Id, (m, _) => m.MemberId).ToListAsync());
        Assert.Equal(new[] { org.Members["member"], org.Members["owner"] }.Order(), members.Order());
    }

    [Fact]
    public async Task ATeamMemberReadsWhatIsSharedWithTheTeamAndStopsWhenRemoved()
    {
        var org = await TestOrganization.CreateAsync(host);
        using var admin = await Chat.StartAsync(host, org, "admin");
        using var member = await Chat.StartAsync(host, org, "member");
        await admin.Send("create the Field Ops team with mia");
        await admin.ExpectReply("Created the Field Ops team with Mia Member");
        await AddDocumentAsync(org, "Generator Maintenance Runbook", "Refuel the Zephyrion generator every Monday.");

        await admin.Send("share the generator maintenance runbook with the field ops team");
        await admin.ExpectReply("is now visible to");
        await member.Send("search documents for zephyrion generator");
        await member.ExpectReply("Generator Maintenance Runbook");
        await admin.Send("who is on the field ops team");
        await admin.ExpectReply("- Field Ops (1): Mia Member");
        await admin.Send("take mia off the field ops team");
        await admin.ExpectReply("Removed Mia Member from the Field Ops team");
        await member.Send("search documents for zephyrion generator");
        await member.ExpectReply("I found no documents matching");
    }

    [Fact]
    public async Task AMemberMayNotCreateListOrChangeTeams()
    {
        var org = await TestOrganization.CreateAsync(host);
        using var member = await Chat.StartAsync(host, org, "member");

        await member.Send("create a team called Insiders with mia");
        await member.ExpectReply("Your role (member) can't create a team");
        await member.Send("add mia to the insiders team");
        await member.ExpectReply("Your role (member) can't add members to a team");
        await member.Send("remove mia from the insiders team");
        await member.ExpectReply("Your role (member) can't remove members from a team");
        await member.Send("list teams");
        await member.ExpectReply("Your role (member) can't list the teams");

        Assert.False(await host.InOrganizationAsync(org.Id, db => db.Teams.AnyAsync()));
    }

    private Task<int> AddDocumentAsync(TestOrganization org, string title, string text) => host.InOrganizationAsync(org.Id, async db =>
    {
        var now = DateTimeOffset.UtcNow;
        db.Documents.Add(new Document
        {
            Id = Guid.NewGuid(), OrganizationId = org.Id, OwnerId = org.Members["admin"], Title = title, Visibility = DocumentVisibility.Private,
            FileName = title + ".md", ContentType = "text/markdown", SizeBytes = text.Length, Text = text, CreatedAt = now, UpdatedAt = now,
        });
        await db.UseMemberAsync(org.Members["admin"], CancellationToken.None);
        return await db.SaveChangesAsync();
    });
}
