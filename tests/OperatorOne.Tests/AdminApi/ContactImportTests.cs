using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OperatorOne.Bot.Core.Security;
using OperatorOne.Bot.Hosting.Demo;
using OperatorOne.Skills.Tickets;
using OperatorOne.Tests.Deploy;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.AdminApi;

/// <summary>POST /contacts/import: a dry run names each bad row by line, a clean file is stored once, and one organization's contacts never touch another's.</summary>
[Collection(BotCollection.Name)]
public sealed partial class ContactImportTests(BotHost host)
{
    private const string Clean = """
        name,email,phone,company
        Dana Lee,dana@acme.test,+1 555 0100,Acme
        "Ortiz, Sam",sam@globex.test,,Globex
        Lee Park,,,
        """;

    [Fact]
    public async Task ADryRunReportsEachBadRowWithItsLineAndReasonAndStoresNothing()
    {
        var org = await TestOrganization.CreateAsync(host);
        using var admin = await AdminKeys.ClientAsync(host, org, "admin");
        const string csv = """
            name,email,phone,company
            Dana Lee,dana@acme.test,,Acme
            Sam Ortiz,not-an-email,,Globex
            ,nobody@acme.test,,Acme
            Kim Cho,kim@acme.test,call me,Acme
            Dana Lee,dana@acme.test,,Acme
            """;

        var (status, report) = await ImportAsync(admin, org, csv, dryRun: true);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(report["dryRun"]!.GetValue<bool>());
        Assert.Equal((5, 0, 1), (report["rows"]!.GetValue<int>(), report["imported"]!.GetValue<int>(), report["wouldImport"]!.GetValue<int>()));
        var problems = report["problems"]!.AsArray().Select(p => (p!["line"]!.GetValue<int>(), p["reason"]!.GetValue<string>())).ToList();
        Assert.Equal([3, 4, 5, 6], problems.Select(p => p.Item1));
        Assert.Contains("\"not-an-email\" is not an email address", problems[0].Item2);
        Assert.Contains("needs a name", problems[1].Item2);
        Assert.Contains("\"call me\" is not a phone number", problems[2].Item2);
        Assert.Contains("Repeats line 2", problems[3].Item2);
        Assert.Equal(0, await host.InOrganizationAsync(org.Id, db => db.Contacts.CountAsync()));
        Assert.Equal(0, await host.InOrganizationAsync(org.Id, db => db.Companies.CountAsync()));
    }

    [Fact]
    public async Task AFileWithABadRowIsRefusedWholeWithTheSameReport()
    {
        var org = await TestOrganization.CreateAsync(host);
        using var admin = await AdminKeys.ClientAsync(host, org, "admin");

        var (status, problem) = await ImportAsync(admin, org, "name,email\nDana Lee,dana@acme.test\nSam Ortiz,sam@\n", dryRun: false);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        var bad = Assert.Single(problem["problems"]!.AsArray());
        Assert.Equal(3, bad!["line"]!.GetValue<int>());
        Assert.Equal(0, await host.InOrganizationAsync(org.Id, db => db.Contacts.CountAsync()));
    }

    [Fact]
    public async Task AnImportStoresTheContactsWithTheirCompaniesAndSendingItAgainAddsNoDuplicates()
    {
        var org = await TestOrganization.CreateAsync(host);
        using var admin = await AdminKeys.ClientAsync(host, org, "admin");

        var (status, first) = await ImportAsync(admin, org, Clean, dryRun: false);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(3, first["imported"]!.GetValue<int>());
        Assert.Equal(["Acme", "Globex"], first["newCompanies"]!.AsArray().Select(c => c!.GetValue<string>()));
        var stored = await ContactsAsync(org);
        Assert.Equal(
            ["Dana Lee|dana@acme.test|+1 555 0100|Acme", "Lee Park|||", "Ortiz, Sam|sam@globex.test||Globex"],
            stored);

        var (againStatus, again) = await ImportAsync(admin, org, Clean, dryRun: false);

        Assert.Equal(HttpStatusCode.OK, againStatus);
        Assert.Equal(0, again["imported"]!.GetValue<int>());
        Assert.Equal([2, 3, 4], again["alreadyThere"]!.AsArray().Select(p => p!["line"]!.GetValue<int>()));
        Assert.Equal(stored, await ContactsAsync(org));
        Assert.Equal(2, await host.InOrganizationAsync(org.Id, db => db.Companies.CountAsync()));
    }

    [Fact]
    public async Task OneOrganizationsImportNeitherSeesNorReachesAnothersContacts()
    {
        var first = await TestOrganization.CreateAsync(host);
        var second = await TestOrganization.CreateAsync(host);
        using var firstAdmin = await AdminKeys.ClientAsync(host, first, "admin");
        using var secondAdmin = await AdminKeys.ClientAsync(host, second, "admin");
        await ImportAsync(firstAdmin, first, Clean, dryRun: false);

        // The same people are new to the second organization: the first one's rows are invisible to its duplicate check.
        var (status, report) = await ImportAsync(secondAdmin, second, Clean, dryRun: false);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(3, report["imported"]!.GetValue<int>());
        Assert.Empty(report["alreadyThere"]!.AsArray());

        // And the second organization's key cannot import into the first.
        using var across = new StringContent("name\nMallory Intruder\n", Encoding.UTF8, "text/csv");
        using var response = await secondAdmin.PostAsync($"{AdminKeys.Base(first)}/contacts/import", across);
        Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"crossing organizations answered {response.StatusCode}");
        Assert.Equal(3, (await ContactsAsync(first)).Count);
        Assert.DoesNotContain(await ContactsAsync(first), c => c.StartsWith("Mallory", StringComparison.Ordinal));
        Assert.Equal(3, (await ContactsAsync(second)).Count);
    }

    [Fact]
    public async Task TheReadmesDryRunExampleAnswersTheDemoAsDocumented()
    {
        var section = RepositoryFiles.Read("README.md").ReplaceLineEndings("\n");
        section = section[section.IndexOf("### Contact import (CSV)", StringComparison.Ordinal)..];
        var csv = CsvBlock().Match(section).Groups["body"].Value;
        var documented = JsonNode.Parse(JsonBlock().Match(section).Groups["body"].Value)!;
        var org = await DemoAsync();
        using var owner = await AdminKeys.ClientAsync(host, org, "owner");

        var (status, answer) = await ImportAsync(owner, org, csv, dryRun: true);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(JsonNode.DeepEquals(documented, answer), $"README documents {documented.ToJsonString()}, the bot answered {answer.ToJsonString()}");
    }

    /// <summary>A fresh copy of the demo organization, seeded by the code ./run.sh --demo uses.</summary>
    private async Task<TestOrganization> DemoAsync()
    {
        var id = Guid.NewGuid();
        var siteId = $"demo-{id:N}"[..17];
        var secret = $"{siteId}.{Guid.NewGuid():N}";
        var members = await host.InOrganizationAsync(id, async db =>
        {
            await DemoContent.SeedAsync(db, new DemoTenant(id, siteId, SecretBox.Hash(secret), siteId), host.Services.GetRequiredService<SecretBox>(), host.Services.GetRequiredService<ITicketLifecycle>(), DateTimeOffset.UtcNow, CancellationToken.None);
            return await db.Members.ToDictionaryAsync(m => m.Handle, m => m.Id);
        });
        return new TestOrganization(id, siteId, secret, members);
    }

    [GeneratedRegex("```csv\n(?<body>.*?)```", RegexOptions.Singleline)]
    private static partial Regex CsvBlock();

    [GeneratedRegex("```json\n(?<body>.*?)```", RegexOptions.Singleline)]
    private static partial Regex JsonBlock();

    private static async Task<(HttpStatusCode Status, JsonObject Body)> ImportAsync(HttpClient admin, TestOrganization org, string csv, bool dryRun)
    {
        using var content = new StringContent(csv.ReplaceLineEndings("\n"), Encoding.UTF8, "text/csv");
        using var response = await admin.PostAsync($"{AdminKeys.Base(org)}/contacts/import?dryRun={(dryRun ? "true" : "false")}", content);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject());
    }

    private async Task<List<string>> ContactsAsync(TestOrganization org)
    {
        var rows = await host.InOrganizationAsync(org.Id, db => db.Contacts.AsNoTracking()
            .Select(c => new { c.FullName, c.Email, c.Phone, Company = db.Companies.Where(co => co.Id == c.CompanyId).Select(co => co.Name).FirstOrDefault() })
            .ToListAsync());
        return [.. rows.Select(c => $"{c.FullName}|{c.Email}|{c.Phone}|{c.Company}").Order(StringComparer.Ordinal)];
    }
}
