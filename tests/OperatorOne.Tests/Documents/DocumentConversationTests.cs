using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using OperatorOne.Data.Documents;
using OperatorOne.Data.Members;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.Documents;

/// <summary>Every documents tool through web chat: upload by the attach button, list, search, open, tag, share, delete with approval.</summary>
[Collection(BotCollection.Name)]
public sealed partial class DocumentConversationTests(BotHost host)
{
    [Fact]
    public async Task AMemberUploadsAPdfThenListsSearchesOpensTagsSharesAndDeletesItWithApproval()
    {
        var org = await TestOrganization.CreateAsync(host);
        using var member = await Chat.StartAsync(host, org, "member");
        using var admin = await Chat.StartAsync(host, org, "admin");
        var pdf = DocumentFiles.Pdf("Travel Insurance Overview", "Staff travelling abroad are covered by the Meridian travel insurance.", "Claims for lost luggage go through the Meridian portal within 14 days.");

        var upload = await member.Upload("travel-insurance.pdf", "application/pdf", pdf, "Travel Insurance Overview");
        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        await member.ExpectReply("Saved [Travel Insurance Overview]");

        await member.Send("list my documents");
        await member.ExpectReply("Travel Insurance Overview");

        await member.Send("search documents for lost luggage claims");
        var found = await member.ExpectReply("1. [Travel Insurance Overview]");
        Assert.Contains("**luggage**", Text(found), StringComparison.OrdinalIgnoreCase);

        await member.Send("open the document travel insurance overview");
        var opened = await member.ExpectReply("The link is yours alone");
        var download = await member.Get(LinkIn(opened));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());

        await member.Send("tag travel insurance overview as benefits, travel");
        await member.ExpectReply("#benefits #travel");

        // Private until shared: the admin cannot find it yet.
        await admin.Send("search documents for meridian");
        await admin.ExpectReply("found no documents");
        await member.Send("share travel insurance overview with everyone");
        await member.ExpectReply("visible to everyone in the organization");
        await admin.Send("search documents for meridian");
        await admin.ExpectReply("Travel Insurance Overview");

        await member.Send("delete the document travel insurance overview");
        await member.ExpectReply("needs approval");
        await admin.Submit(ApprovalCard.Data(await admin.ExpectCard("Delete document \\u0022Travel Insurance Overview\\u0022"), "approve"));
        await member.ExpectReply("Deleted the document \"Travel Insurance Overview\"");

        Assert.False(await host.InOrganizationAsync(org.Id, db => db.Documents.IgnoreQueryFilters().AnyAsync(d => d.Title == "Travel Insurance Overview")));
        Assert.Equal(HttpStatusCode.NotFound, (await member.Get(LinkIn(opened))).StatusCode);
    }

    [Fact]
    public async Task ADocxSharedWithATeamReachesItsMembersOnly()
    {
        var org = await TestOrganization.CreateAsync(host);
        var team = await host.InOrganizationAsync(org.Id, async db =>
        {
            var support = new Team { Id = Guid.NewGuid(), OrganizationId = org.Id, Name = "Support", CreatedAt = DateTimeOffset.UtcNow };
            db.Teams.Add(support);
            db.TeamMembers.Add(new TeamMember { TeamId = support.Id, MemberId = org.Members["member"], OrganizationId = org.Id });
            db.TeamMembers.Add(new TeamMember { TeamId = support.Id, MemberId = org.Members["admin"], OrganizationId = org.Id });
            await db.SaveChangesAsync();
            return support;
        });
        using var member = await Chat.StartAsync(host, org, "member");
        using var viewer = await Chat.StartAsync(host, org, "viewer");
        using var admin = await Chat.StartAsync(host, org, "admin");
        var docx = DocumentFiles.Docx("Escalation Ladder", "Tier two answers within four hours; the Falcon queue handles enterprise customers.");

        Assert.Equal(HttpStatusCode.OK, (await member.Upload("escalation-ladder.docx", DocumentFormats.Docx, docx)).StatusCode);
        await member.ExpectReply("Saved [escalation ladder]");
        await member.Send("share escalation ladder with the support team");
        await member.ExpectReply("visible to the Support team");

        await admin.Send("search documents for falcon queue");
        await admin.ExpectReply("escalation ladder");
        await viewer.Send("search documents for falcon queue");
        await viewer.ExpectReply("found no documents");
        Assert.Equal(DocumentVisibility.Team, await host.InOrganizationAsync(org.Id, async db =>
        {
            await db.UseMemberAsync(org.Members["member"], CancellationToken.None);
            return await db.Documents.Where(d => d.TeamId == team.Id).Select(d => d.Visibility).SingleAsync();
        }));
    }

    [Fact]
    public async Task AViewerMayReadButNotChangeAndOthersMayNotChangeSomeoneElsesDocument()
    {
        var org = await TestOrganization.CreateAsync(host);
        using var member = await Chat.StartAsync(host, org, "member");
        using var viewer = await Chat.StartAsync(host, org, "viewer");
        using var admin2 = await Chat.StartAsync(host, org, "admin2");
        Assert.Equal(HttpStatusCode.OK, (await member.Upload("desk-rules.md", "text/markdown", "# Desk rules\nClear your desk every evening; the cleaners come at seven."u8.ToArray(), "Desk Rules")).StatusCode);
        await member.ExpectReply("Saved");
        await member.Send("make desk rules public");
        await member.ExpectReply("visible to everyone");

        await viewer.Send("tag desk rules as facilities");
        await viewer.ExpectReply("Your role (viewer) can't");
        Assert.Equal(HttpStatusCode.OK, (await viewer.Upload("notes.txt", "text/plain", "viewer notes"u8.ToArray())).StatusCode);
        await viewer.ExpectReply("Only members can add documents");
        await viewer.Send("open desk rules document");
        await viewer.ExpectReply("The link is yours alone");

        await viewer.Send("list my documents");
        await viewer.ExpectReply("You have no documents yet");

        // An admin may change anyone's document; another member may not (see the next test).
        await admin2.Send("tag desk rules as facilities");
        await admin2.ExpectReply("#facilities");
    }

    [Fact]
    public async Task AMemberCannotChangeAnotherMembersOrganizationDocument()
    {
        var org = await TestOrganization.CreateAsync(host);
        await host.InOrganizationAsync(org.Id, async db =>
        {
            var m = new Member { Id = Guid.NewGuid(), OrganizationId = org.Id, DisplayName = "Ivan Intruder", Handle = "ivan", Role = MemberRole.Member, CreatedAt = DateTimeOffset.UtcNow };
            db.Members.Add(m);
            db.ChannelIdentities.Add(new ChannelIdentity { Id = Guid.NewGuid(), OrganizationId = org.Id, MemberId = m.Id, Channel = "webchat", ExternalId = org.WebChatUserId("ivan"), CreatedAt = DateTimeOffset.UtcNow });
            return await db.SaveChangesAsync();
        });
        using var member = await Chat.StartAsync(host, org, "member");
        using var ivan = await Chat.StartAsync(host, org, "ivan");
        await member.Upload("canteen-menu.txt", "text/plain", "Soup on Mondays, curry on Thursdays."u8.ToArray(), "Canteen Menu");
        await member.ExpectReply("Saved");
        await member.Send("share canteen menu with everyone");
        await member.ExpectReply("visible to everyone");

        await ivan.Send("tag canteen menu as food");
        await ivan.ExpectReply("Only the owner of \"Canteen Menu\" or an admin can change it");
        await ivan.Send("make canteen menu private");
        await ivan.ExpectReply("Only the owner");
        // A delete nobody could carry out is refused before anyone is asked to approve it.
        await ivan.Send("delete the document canteen menu");
        await ivan.ExpectReply("Only the owner of \"Canteen Menu\" or an admin can change it");
        Assert.Equal(0, await host.InOrganizationAsync(org.Id, db => db.ApprovalRequests.CountAsync()));
    }

    private static string Text(JsonObject activity) => activity["text"]!.GetValue<string>();

    private static string LinkIn(JsonObject activity) => Link().Match(Text(activity)).Groups[1].Value;

    // The web chat hands links out absolute (under the address the client used); the path is what this client fetches.
    [GeneratedRegex(@"\]\((?:https?://[^/\s)]+)?(/documents/[^)]+)\)")]
    private static partial Regex Link();
}
