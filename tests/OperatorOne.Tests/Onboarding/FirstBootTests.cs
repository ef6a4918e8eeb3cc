using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OperatorOne.Tests.Browser;
using OperatorOne.Tests.Resilience;

namespace OperatorOne.Tests.Onboarding;

/// <summary>
/// First boot as a business meets it: the built bot, in Production, on an empty database, prints a one-time setup link;
/// the setup page (plain HTML in headless Chromium) makes the organization and shows its API key once; then the link is dead.
/// </summary>
public sealed partial class FirstBootTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);
    private const float BrowserTimeout = 30_000;

    [Fact]
    public async Task ABotWithNoOrganizationPrintsASetupLinkWhosePageMakesTheOrganizationOnceAndThenAnswers403()
    {
        var store = await SharedStore.CreateAsync();
        await BotProcess.MigrateAsync(store.AdminConnection);
        await using var bot = BotProcess.Start(store.RuntimeConnection, new Dictionary<string, string>());
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        await bot.WaitUntilReadyAsync(http, Patience);

        var announced = await bot.WaitForLineAsync(line => SetupLink().IsMatch(line), Patience);
        var link = new Uri(bot.BaseAddress, SetupLink().Match(announced).Value);
        using var wrongToken = await http.GetAsync(new Uri(bot.BaseAddress, "/setup/" + new string('0', 48)));
        // While setup is open, bad submissions with the right token are refused with the reason and change nothing.
        var refusals = new List<(int Status, string Page)>();
        foreach (var bad in BadSubmissions())
        {
            using var response = await http.PostAsync(link, bad);
            refusals.Add(((int)response.StatusCode, await response.Content.ReadAsStringAsync()));
        }
        var organizationsAfterBadInput = await store.CountAsync("SELECT count(*) FROM organizations");

        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();
        await page.GotoAsync(link.ToString());
        await page.GetByLabel("Organization name").FillAsync("Ghent Bikes", new() { Timeout = BrowserTimeout });
        await page.GetByLabel("Time zone").SelectOptionAsync("Europe/Brussels");
        await page.Locator("#country").SelectOptionAsync("BE");
        await page.Locator("#ownerName").FillAsync("Olga Owner");
        await page.Locator("#ownerEmail").FillAsync("olga@ghentbikes.example");
        await page.Locator("#ownerPhone").FillAsync("0470 12 34 56");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the organization" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ghent Bikes is ready" })).ToBeVisibleAsync(new() { Timeout = BrowserTimeout });
        var key = await page.Locator("#api-key").InnerTextAsync();
        var organizationId = Guid.Parse(await page.Locator("#organization-id").InnerTextAsync());
        Assert.StartsWith("op1_", key, StringComparison.Ordinal);
        Assert.Contains("/join/", await page.Locator("#join-link").GetAttributeAsync("href"), StringComparison.Ordinal);

        using var owner = new HttpClient { BaseAddress = bot.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        owner.DefaultRequestHeaders.Authorization = new("Bearer", key);
        var organization = await owner.GetFromJsonAsync<JsonObject>($"/admin/v1/organizations/{organizationId}");
        var members = await owner.GetFromJsonAsync<JsonArray>($"/admin/v1/organizations/{organizationId}/members");
        var ownerId = Assert.Single(members!)!["id"]!.GetValue<string>();
        var identities = await owner.GetFromJsonAsync<JsonArray>($"/admin/v1/organizations/{organizationId}/members/{ownerId}/identities");
        using var afterwards = await http.GetAsync(link);
        using var resubmitted = await http.PostAsync(link, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["organization"] = "Second Try", ["timeZone"] = "UTC", ["country"] = "US", ["ownerName"] = "Eve", ["ownerEmail"] = "eve@example.com",
        }));
        var reopened = await page.GotoAsync(link.ToString());

        Assert.Equal(HttpStatusCode.Forbidden, wrongToken.StatusCode);
        Assert.Equal([413, 415, 400, 400], refusals.Select(r => r.Status));
        Assert.Contains("limited to 16 KB", refusals[0].Page, StringComparison.Ordinal);
        Assert.Contains("application/x-www-form-urlencoded", refusals[1].Page, StringComparison.Ordinal);
        Assert.Contains("Please fix", refusals[2].Page, StringComparison.Ordinal);
        Assert.Contains("Please fix", refusals[3].Page, StringComparison.Ordinal);
        Assert.Equal(0L, organizationsAfterBadInput);
        Assert.Equal("Ghent Bikes", organization!["name"]!.GetValue<string>());
        Assert.Equal("Europe/Brussels", organization["timeZone"]!.GetValue<string>());
        Assert.Equal("BE", organization["country"]!.GetValue<string>());
        // The phone typed the Belgian way is stored as Twilio will send it.
        Assert.Contains(identities!, i => i!["channel"]!.GetValue<string>() == "voice" && i["externalId"]!.GetValue<string>() == "+32470123456");
        Assert.Equal(HttpStatusCode.Forbidden, afterwards.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, resubmitted.StatusCode);
        Assert.Equal(403, reopened!.Status);
        // The key was shown once: the closed page does not show it again.
        Assert.DoesNotContain(key, await page.ContentAsync(), StringComparison.Ordinal);
        Assert.Equal(1L, await store.CountAsync("SELECT count(*) FROM organizations"));
    }

    private static IEnumerable<HttpContent> BadSubmissions()
    {
        yield return new StringContent("organization=" + new string('x', 20 * 1024), System.Text.Encoding.UTF8, "application/x-www-form-urlencoded");
        yield return new StringContent("{\"organization\":\"Json Co\"}", System.Text.Encoding.UTF8, "application/json");
        yield return new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["organization"] = "", ["timeZone"] = "Mars/Olympus", ["country"] = "XX", ["ownerName"] = "Eve", ["ownerEmail"] = "not-an-email", ["ownerPhone"] = "call me",
        });
        // The same field twice is not one answer.
        yield return new StringContent("organization=A&organization=B&timeZone=UTC&country=US&ownerName=Eve&ownerEmail=eve%40example.com",
            System.Text.Encoding.UTF8, "application/x-www-form-urlencoded");
    }

    [GeneratedRegex("/setup/[0-9a-f]{48}")]
    private static partial Regex SetupLink();
}
