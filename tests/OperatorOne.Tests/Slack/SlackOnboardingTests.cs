using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using OperatorOne.Tests.AdminApi;
using OperatorOne.Tests.Browser;

namespace OperatorOne.Tests.Slack;

/// <summary>Slack for a new organization: invited people are linked by their verified email; the channel check names the broken hop.</summary>
[Collection(SlackCollection.Name)]
public sealed class SlackOnboardingTests(SlackFixture fixture)
{
    private const float BrowserTimeout = 30_000;

    private SlackStandIn Slack => fixture.Slack;

    [Fact]
    public async Task AnInvitedPersonWritingFromSlackWithTheSameVerifiedEmailIsThatMember()
    {
        using var workspace = await SlackWorkspace.CreateAsync(fixture);
        using var admin = await AdminKeys.ClientAsync(fixture.Host, workspace.Organization, "admin");
        var email = $"dana-{Guid.NewGuid():N}"[..18] + "@example.com";

        using var invited = await admin.PostAsJsonAsync(AdminKeys.Base(workspace.Organization) + "/invitations", new { email, role = "member" });
        var body = (await invited.Content.ReadFromJsonAsync<JsonObject>())!;
        var danaId = Guid.Parse(body["member"]!["id"]!.GetValue<string>());
        Slack.Emails[workspace.UserId("dana")] = email.ToUpperInvariant();
        Slack.Emails[workspace.UserId("eve")] = "eve@elsewhere.example";
        await workspace.PostEventAsync(workspace.DmEnvelope("dana", "help"));
        await workspace.PostEventAsync(workspace.DmEnvelope("eve", "help"));

        Assert.Equal(HttpStatusCode.Created, invited.StatusCode);
        Assert.Contains("/join/", body["invitation"]!["link"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("as member", (await PostsTo(workspace.DmChannel("dana"))).Single().Arguments["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("as a guest", (await PostsTo(workspace.DmChannel("eve"))).Single().Arguments["text"]!.GetValue<string>(), StringComparison.Ordinal);
        var linked = await fixture.Host.InOrganizationAsync(workspace.Organization.Id,
            db => db.ChannelIdentities.Where(i => i.Channel == "slack" && i.ExternalId == workspace.UserId("dana")).Select(i => i.MemberId).SingleAsync());
        Assert.Equal(danaId, linked);
    }

    [Fact]
    public async Task TheChannelCheckNamesAMismatchedSigningSecretAndOffersTheInstallLinkInTheApiAndOnThePage()
    {
        using var workspace = await SlackWorkspace.CreateAsync(fixture);
        var (_, key) = await AdminKeys.IssueAsync(fixture.Host, workspace.Organization, "admin");
        using var admin = AdminKeys.WithKey(fixture.Host, key);
        var path = AdminKeys.Base(workspace.Organization) + "/channels";

        using var forged = await workspace.PostSignedAsync("/api/slack/events", Encoding.UTF8.GetBytes(workspace.DmEnvelope("member", "help").ToJsonString()),
            "application/json", secret: "someone-elses-signing-secret");
        var broken = SlackReport(await admin.GetFromJsonAsync<JsonArray>(path));
        await RenderedAsync(workspace.Organization.Id, key, "the signing secret does not match the last request");
        using var signed = await workspace.PostEventAsync(workspace.DmEnvelope("member", "help"));
        var mended = SlackReport(await admin.GetFromJsonAsync<JsonArray>(path));

        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal("unreachable", broken["state"]!.GetValue<string>());
        var hop = broken["hops"]!.AsArray().Single(h => h!["name"]!.GetValue<string>() == "Signing secret")!;
        Assert.False(hop["ok"]!.GetValue<bool>());
        Assert.Contains("the signing secret does not match the last request", hop["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("Slack__SigningSecret", hop["fix"]!.GetValue<string>(), StringComparison.Ordinal);
        var install = broken["setup"]!["installLink"]!.GetValue<string>();
        Assert.Contains("/api/slack/install?ticket=", install, StringComparison.Ordinal);
        Assert.EndsWith("/api/slack/events", broken["setup"]!["eventsUrl"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, signed.StatusCode);
        var mendedHop = mended["hops"]!.AsArray().Single(h => h!["name"]!.GetValue<string>() == "Signing secret")!;
        Assert.True(mendedHop["ok"]!.GetValue<bool>());
        // The install link works: it leads to Slack's authorize page.
        using var noRedirects = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = fixture.Host.BaseAddress };
        using var started = await noRedirects.GetAsync(install);
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        Assert.StartsWith(new Uri(Slack.BaseAddress, "oauth/v2/authorize").ToString(), started.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    /// <summary>The /admin/channels page, signed in with the admin's key in headless Chromium, shows the same state and hop.</summary>
    private async Task RenderedAsync(Guid organizationId, string key, string detail)
    {
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();
        using var unauthenticated = await fixture.Host.CreateClient().GetAsync("/admin/channels");
        await page.GotoAsync(new Uri(fixture.Host.BaseAddress, "/admin/channels").ToString());
        await page.GetByLabel("Organization id").FillAsync(organizationId.ToString(), new() { Timeout = BrowserTimeout });
        await page.GetByLabel("Admin API key").FillAsync(key);
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the channels" }).ClickAsync();

        var slack = page.GetByRole(AriaRole.Region, new() { Name = "Slack", Exact = true });
        await Assertions.Expect(slack.GetByRole(AriaRole.Heading)).ToHaveTextAsync("Slack: configured but unreachable", new() { Timeout = BrowserTimeout });
        await Assertions.Expect(slack.GetByText(detail)).ToBeVisibleAsync();
        await Assertions.Expect(slack.GetByRole(AriaRole.Link, new() { NameRegex = new("api.slack.install.ticket=") })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Web chat" }).GetByRole(AriaRole.Heading)).ToContainTextAsync("working");
        // The page holds nothing without the key; only the API answers, and it wants a credential.
        Assert.Equal(HttpStatusCode.OK, unauthenticated.StatusCode);
        Assert.DoesNotContain(organizationId.ToString(), await unauthenticated.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static JsonObject SlackReport(JsonArray? reports) => reports!.Single(r => r!["channel"]!.GetValue<string>() == "slack")!.AsObject();

    private Task<List<SlackCall>> PostsTo(string channel) =>
        Slack.WaitForAsync(c => c.Method == "chat.postMessage" && c.Arguments["channel"]?.ToString() == channel);
}
