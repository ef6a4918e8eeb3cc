using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OperatorOne.Data;
using OperatorOne.Data.Documents;
using OperatorOne.Data.Tickets;
using OperatorOne.Tests.AdminApi;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.Onboarding;

/// <summary>Organizations created, read, changed, exported and deleted through the admin API by the operator.</summary>
[Collection(BotCollection.Name)]
public sealed class OrganizationLifecycleTests(BotHost host)
{
    [Fact]
    public async Task AnOperatorCreatesAnOrganizationWhoseOwnerKeyWorksOnlyThere()
    {
        var first = await Operator.CreateAsync(host, "Bike Repairs Ghent");
        var second = await Operator.CreateAsync(host, "Bakery Leuven");
        using var owner = AdminKeys.WithKey(host, first.OwnerKey);
        using var operatorClient = Operator.Client(host);

        var organization = await owner.GetFromJsonAsync<JsonObject>(first.Base);
        var members = await owner.GetFromJsonAsync<JsonArray>(first.Base + "/members");
        using var foreign = await owner.GetAsync(second.Base + "/members");
        var listed = await operatorClient.GetFromJsonAsync<JsonArray>("/admin/v1/organizations");
        using var operatorReadsMembers = await operatorClient.GetAsync(first.Base + "/members");

        Assert.Equal("Bike Repairs Ghent", organization!["name"]!.GetValue<string>());
        Assert.Equal("Europe/Brussels", organization["timeZone"]!.GetValue<string>());
        var only = Assert.Single(members!);
        Assert.Equal("owner", only!["role"]!.GetValue<string>());
        Assert.Equal(first.OwnerEmail, only["email"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Contains(listed!, o => o!["id"]!.GetValue<string>() == first.Id.ToString());
        Assert.Contains(listed!, o => o!["id"]!.GetValue<string>() == second.Id.ToString());
        // The operator manages organizations, not what is inside them.
        Assert.Equal(HttpStatusCode.Forbidden, operatorReadsMembers.StatusCode);
        Assert.Contains("/join/", first.JoinLink);
    }

    [Fact]
    public async Task OrganizationsCreatedByTheOperatorCannotSeeEachOthersRows()
    {
        var a = await Operator.CreateAsync(host, "Isolation A");
        var b = await Operator.CreateAsync(host, "Isolation B");
        var ticketOfB = Guid.NewGuid();
        await host.InOrganizationAsync(b.Id, db =>
        {
            db.Tickets.Add(new Ticket { Id = ticketOfB, OrganizationId = b.Id, Number = 1, Title = "B only", CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow });
            return db.SaveChangesAsync();
        });

        var fromA = await host.InOrganizationAsync(a.Id, db => db.Tickets.AnyAsync(t => t.Id == ticketOfB));
        var membersSeenFromA = await host.InOrganizationAsync(a.Id, db => db.Members.Select(m => m.OrganizationId).Distinct().ToListAsync());
        var deletedFromA = await host.InOrganizationAsync(a.Id, db => db.Tickets.Where(t => t.Id == ticketOfB).ExecuteDeleteAsync());
        using var ownerA = AdminKeys.WithKey(host, a.OwnerKey);
        using var exportOfB = await ownerA.GetAsync(b.Base + "/export");

        Assert.False(fromA);
        Assert.Equal([a.Id], membersSeenFromA);
        Assert.Equal(0, deletedFromA);
        Assert.Equal(HttpStatusCode.NotFound, exportOfB.StatusCode);
    }

    [Fact]
    public async Task TheOperatorAndTheOwnerChangeTheTimeZoneAndCountryAndBadValuesAreNamed()
    {
        var org = await Operator.CreateAsync(host, "Settings Co");
        using var operatorClient = Operator.Client(host);
        using var owner = AdminKeys.WithKey(host, org.OwnerKey);

        using var changed = await operatorClient.PatchAsJsonAsync(org.Base, new { timeZone = "America/Chicago", country = "be" });
        using var wrongZone = await owner.PatchAsJsonAsync(org.Base, new { timeZone = "Mars/Olympus" });
        using var wrongCountry = await owner.PatchAsJsonAsync(org.Base, new { country = "XX" });
        using var badCreate = await operatorClient.PostAsJsonAsync("/admin/v1/organizations", new { name = "", owner = new { displayName = "X", email = "not-an-email" } });

        var body = (await changed.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("America/Chicago", body["timeZone"]!.GetValue<string>());
        Assert.Equal("BE", body["country"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, wrongZone.StatusCode);
        Assert.Contains("timeZone", await wrongZone.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, wrongCountry.StatusCode);
        Assert.Contains("country", await wrongCountry.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, badCreate.StatusCode);
        var problems = await badCreate.Content.ReadAsStringAsync();
        Assert.Contains("\"name\"", problems);
        Assert.Contains("owner.email", problems);
    }

    [Fact]
    public async Task TheExportHoldsEveryTenantTableOfTheModelAndTheDatabaseWithPrivateRowsAndNoSecrets()
    {
        var org = await Operator.CreateAsync(host, "Export Co");
        var other = await Operator.CreateAsync(host, "Someone Else");
        await SeedAsync(org);
        await SeedAsync(other);
        using var owner = AdminKeys.WithKey(host, org.OwnerKey);

        using var response = await owner.GetAsync(org.Base + "/export");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync());
        var files = zip.Entries.Select(e => e.FullName).ToHashSet();
        // Against the model: every entity with an OrganizationId (and the organization itself).
        using var scope = host.Services.CreateScope();
        var model = scope.ServiceProvider.GetRequiredService<OperatorOneDb>().Model;
        var modelTables = model.GetEntityTypes().Where(e => e.FindProperty("OrganizationId") is not null || e.ClrType == typeof(OperatorOne.Data.Organizations.Organization))
            .Select(e => e.GetTableName()!).ToHashSet();
        // Against the database itself: every table with an organization_id column, whoever added it.
        var databaseTables = await TenantTablesAsync();
        Assert.True(databaseTables.Count >= 40, $"only {databaseTables.Count} tenant tables");
        Assert.All(modelTables.Concat(databaseTables).Append("organizations"), table => Assert.Contains($"{table}.json", files));

        var tickets = Rows(zip, "tickets");
        Assert.Equal(["Exported ticket"], tickets.Select(t => t!["title"]!.GetValue<string>()));
        var documents = Rows(zip, "documents");
        Assert.Contains(documents, d => d!["title"]!.GetValue<string>() == "Private Notes" && d["visibility"]!.GetValue<string>() == "Private");
        Assert.All(Rows(zip, "api_keys"), k => Assert.Equal("[withheld]", k!["secret_hash"]!.GetValue<string>()));
        Assert.All(Rows(zip, "channel_installations").Where(i => i!["secret_hash"] is not null),
            i => Assert.Equal("[withheld]", i!["secret_hash"]!.GetValue<string>()));
        var organizations = Rows(zip, "organizations");
        Assert.Equal(org.Id.ToString(), Assert.Single(organizations)!["id"]!.GetValue<string>());
        Assert.All(zip.Entries.Where(e => e.Name.EndsWith(".json", StringComparison.Ordinal) && e.Name != "manifest.json"),
            entry => Assert.DoesNotContain(other.Id.ToString(), Read(entry)));
    }

    [Fact]
    public async Task DeletingAnOrganizationTakesAConfirmationAndThenRemovesEveryRowItOwnedAndNothingElse()
    {
        var org = await Operator.CreateAsync(host, "Short Lived");
        var bystander = await Operator.CreateAsync(host, "Bystander");
        await SeedAsync(org);
        await SeedAsync(bystander);
        using var operatorClient = Operator.Client(host);

        using var first = await operatorClient.DeleteAsync(org.Base);
        var problem = (await first.Content.ReadFromJsonAsync<JsonObject>())!;
        var stillThere = await host.InOrganizationAsync(org.Id, db => db.Tickets.CountAsync());
        using var forged = await operatorClient.DeleteAsync(org.Base + "?confirmation=9999999999.AAAA");
        using var wrongOrganization = await operatorClient.DeleteAsync(bystander.Base + "?confirmation=" + Uri.EscapeDataString(problem["confirmation"]!.GetValue<string>()));
        using var confirmed = await operatorClient.DeleteAsync(org.Base + "?confirmation=" + Uri.EscapeDataString(problem["confirmation"]!.GetValue<string>()));
        using var afterwards = await operatorClient.GetAsync(org.Base);

        Assert.Equal(HttpStatusCode.PreconditionRequired, first.StatusCode);
        Assert.Contains("cannot be undone", problem["detail"]!.GetValue<string>());
        Assert.Equal(1, stillThere);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, wrongOrganization.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, confirmed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, afterwards.StatusCode);
        var left = new List<string>();
        foreach (var table in await TenantTablesAsync())
        {
            var count = await TestPostgres.QueryAsAdminAsync(host.AdminConnectionString,
                $"SELECT count(*) FROM {table} WHERE organization_id = '{org.Id}'", reader => reader.Read() ? reader.GetInt64(0) : -1);
            if (count != 0)
            {
                left.Add($"{table}: {count}");
            }
        }
        Assert.Empty(left);
        var bystanderTickets = await host.InOrganizationAsync(bystander.Id, db => db.Tickets.CountAsync());
        Assert.Equal(1, bystanderTickets);
    }

    private async Task SeedAsync(CreatedOrganization org)
    {
        await host.InOrganizationAsync(org.Id, async db =>
        {
            var now = DateTimeOffset.UtcNow;
            db.Tickets.Add(new Ticket { Id = Guid.NewGuid(), OrganizationId = org.Id, Number = 1, Title = "Exported ticket", RequesterId = org.OwnerId, CreatedAt = now, UpdatedAt = now });
            var document = new Document
            {
                Id = Guid.NewGuid(), OrganizationId = org.Id, OwnerId = org.OwnerId, Title = "Private Notes", Visibility = DocumentVisibility.Private,
                FileName = "notes.txt", ContentType = "text/plain", SizeBytes = 3, Text = "notes", CreatedAt = now, UpdatedAt = now,
            };
            await db.UseMemberAsync(org.OwnerId, CancellationToken.None);
            db.Documents.Add(document);
            db.DocumentContents.Add(new DocumentContent { DocumentId = document.Id, OrganizationId = org.Id, Bytes = [1, 2, 3] });
            return await db.SaveChangesAsync();
        });
    }

    private Task<List<string>> TenantTablesAsync() => TestPostgres.QueryAsAdminAsync(host.AdminConnectionString, """
        SELECT c.table_name FROM information_schema.columns c JOIN information_schema.tables t USING (table_schema, table_name)
        WHERE c.table_schema = 'public' AND c.column_name = 'organization_id' AND t.table_type = 'BASE TABLE'
        """, reader =>
        {
            var names = new List<string>();
            while (reader.Read())
            {
                names.Add(reader.GetString(0));
            }
            return names;
        });

    private static JsonArray Rows(ZipArchive zip, string table) => JsonNode.Parse(Read(zip.GetEntry($"{table}.json")!))!.AsArray();

    private static string Read(ZipArchiveEntry entry)
    {
        using var reader = new StreamReader(entry.Open());
        return reader.ReadToEnd();
    }
}
