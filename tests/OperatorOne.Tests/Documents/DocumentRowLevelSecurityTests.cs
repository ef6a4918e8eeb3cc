using Microsoft.EntityFrameworkCore;
using OperatorOne.Data;
using OperatorOne.Data.Documents;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.Documents;

/// <summary>
/// Visibility and tenancy enforced by PostgreSQL itself: direct SQL as the bot's role sees a private document only
/// as its owner, a team document only as a team member, and another organization sees none of the four tables.
/// </summary>
[Collection(BotCollection.Name)]
public sealed class DocumentRowLevelSecurityTests(BotHost host)
{
    public static TheoryData<string> Tables => ["documents", "document_contents", "teams", "team_members"];

    [Theory]
    [MemberData(nameof(Tables))]
    public async Task AnotherOrganizationCannotReadUpdateOrDeleteTheRows(string table)
    {
        var a = await TestOrganization.CreateAsync(host);
        var b = await TestOrganization.CreateAsync(host);
        var world = await SeedAsync(a);
        var owner = a.Members["member"];
        // Table names come from the fixed list above, never from input.
        var count = $"SELECT count(*)::int AS \"Value\" FROM {table}";
        var update = $"UPDATE {table} SET organization_id = organization_id";
        var delete = $"DELETE FROM {table}";

        Assert.Equal(0, await AsAsync(b.Id, b.Members["owner"], db => db.Database.SqlQueryRaw<int>(count).SingleAsync()));
        Assert.Equal(0, await AsAsync(b.Id, b.Members["owner"], db => db.Database.ExecuteSqlRawAsync(update)));
        Assert.Equal(0, await AsAsync(b.Id, b.Members["owner"], db => db.Database.ExecuteSqlRawAsync(delete)));
        Assert.True(await AsAsync(a.Id, owner, db => db.Database.SqlQueryRaw<int>(count).SingleAsync()) > 0);
        Assert.NotEqual(Guid.Empty, world.PrivateId);
    }

    [Fact]
    public async Task APrivateDocumentIsVisibleToItsOwnerOnlyEvenInDirectSql()
    {
        var org = await TestOrganization.CreateAsync(host);
        var world = await SeedAsync(org);
        const string Sql = "SELECT count(*)::int AS \"Value\" FROM documents WHERE id = {0}";
        const string Bytes = "SELECT count(*)::int AS \"Value\" FROM document_contents WHERE document_id = {0}";

        Assert.Equal(1, await AsAsync(org.Id, org.Members["member"], db => db.Database.SqlQueryRaw<int>(Sql, world.PrivateId).SingleAsync()));
        Assert.Equal(0, await AsAsync(org.Id, org.Members["admin2"], db => db.Database.SqlQueryRaw<int>(Sql, world.PrivateId).SingleAsync()));
        Assert.Equal(0, await AsAsync(org.Id, org.Members["admin2"], db => db.Database.SqlQueryRaw<int>(Bytes, world.PrivateId).SingleAsync()));
        Assert.Equal(0, await AsAsync(org.Id, null, db => db.Database.SqlQueryRaw<int>(Sql, world.PrivateId).SingleAsync()));
        Assert.Equal(0, await AsAsync(org.Id, org.Members["admin2"], db => db.Database.ExecuteSqlRawAsync("UPDATE documents SET title = 'x' WHERE id = {0}", world.PrivateId)));
        Assert.Equal(0, await AsAsync(org.Id, org.Members["admin2"], db => db.Database.ExecuteSqlRawAsync("DELETE FROM documents WHERE id = {0}", world.PrivateId)));
    }

    [Fact]
    public async Task ATeamDocumentIsVisibleToTeamMembersAndAnOrganizationDocumentToEveryoneEvenWithoutAMember()
    {
        var org = await TestOrganization.CreateAsync(host);
        var world = await SeedAsync(org);
        const string Sql = "SELECT count(*)::int AS \"Value\" FROM documents WHERE id = {0}";

        Assert.Equal(1, await AsAsync(org.Id, org.Members["admin"], db => db.Database.SqlQueryRaw<int>(Sql, world.TeamId).SingleAsync()));
        Assert.Equal(0, await AsAsync(org.Id, org.Members["viewer"], db => db.Database.SqlQueryRaw<int>(Sql, world.TeamId).SingleAsync()));
        Assert.Equal(0, await AsAsync(org.Id, null, db => db.Database.SqlQueryRaw<int>(Sql, world.TeamId).SingleAsync()));
        Assert.Equal(1, await AsAsync(org.Id, null, db => db.Database.SqlQueryRaw<int>(Sql, world.OrganizationId).SingleAsync()));
        Assert.Equal(1, await AsAsync(org.Id, org.Members["viewer"], db => db.Database.SqlQueryRaw<int>(Sql, world.OrganizationId).SingleAsync()));
    }

    [Fact]
    public async Task AMemberCannotPlantADocumentOwnedBySomeoneElse()
    {
        var org = await TestOrganization.CreateAsync(host);

        await Assert.ThrowsAsync<DbUpdateException>(() => AsAsync(org.Id, org.Members["viewer"], db =>
        {
            db.Documents.Add(Document(org.Id, org.Members["member"], "Planted", DocumentVisibility.Private, null));
            return db.SaveChangesAsync();
        }));
    }

    [Fact]
    public async Task PrivateDocumentsAreInvisibleToAnotherMemberThroughTheTools()
    {
        var org = await TestOrganization.CreateAsync(host);
        await SeedAsync(org);
        using var other = await Chat.StartAsync(host, org, "admin2");
        using var owner = await Chat.StartAsync(host, org, "member");

        await other.Send("search documents for salary bands");
        await other.ExpectReply("found no documents");
        await other.Send("open the document salary bands");
        await other.ExpectReply("couldn't find a document called \"salary bands\"");
        await owner.Send("search documents for salary bands");
        await owner.ExpectReply("Salary Bands");
    }

    private async Task<T> AsAsync<T>(Guid organizationId, Guid? memberId, Func<OperatorOneDb, Task<T>> work) =>
        await host.InOrganizationAsync(organizationId, async db =>
        {
            await db.UseMemberAsync(memberId, CancellationToken.None);
            return await work(db);
        });

    private async Task<(Guid PrivateId, Guid TeamId, Guid OrganizationId)> SeedAsync(TestOrganization org)
    {
        var owner = org.Members["member"];
        var team = new Team { Id = Guid.NewGuid(), OrganizationId = org.Id, Name = "Payroll", CreatedAt = DateTimeOffset.UtcNow };
        var secret = Document(org.Id, owner, "Salary Bands", DocumentVisibility.Private, null);
        var shared = Document(org.Id, owner, "Payroll Calendar", DocumentVisibility.Team, team.Id);
        var open = Document(org.Id, owner, "Office Hours", DocumentVisibility.Organization, null);
        await AsAsync(org.Id, owner, db =>
        {
            db.Teams.Add(team);
            db.TeamMembers.Add(new TeamMember { TeamId = team.Id, MemberId = org.Members["admin"], OrganizationId = org.Id });
            db.Documents.AddRange(secret, shared, open);
            db.DocumentContents.Add(new DocumentContent { DocumentId = secret.Id, OrganizationId = org.Id, Bytes = [1, 2, 3] });
            return db.SaveChangesAsync();
        });
        return (secret.Id, shared.Id, open.Id);
    }

    private static Document Document(Guid organizationId, Guid ownerId, string title, DocumentVisibility visibility, Guid? teamId) => new()
    {
        Id = Guid.NewGuid(), OrganizationId = organizationId, OwnerId = ownerId, Title = title, Visibility = visibility, TeamId = teamId,
        FileName = title + ".txt", ContentType = "text/plain", SizeBytes = 10, Text = $"{title}: the details.",
        CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
    };
}
