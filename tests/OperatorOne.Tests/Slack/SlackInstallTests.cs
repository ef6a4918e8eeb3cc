using System.Net;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OperatorOne.Channels.Slack;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.Slack;

[Collection(SlackCollection.Name)]
public sealed class SlackInstallTests(SlackFixture fixture)
{
    private HttpClient Browser(CookieContainer cookies) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies }) { BaseAddress = fixture.Host.BaseAddress };

    private string InstallLink(Guid organizationId) => fixture.Host.Services.GetRequiredService<SlackInstallState>().InstallLink(organizationId);

    [Fact]
    public async Task InstallingAWorkspaceStoresItsBotTokenEncryptedAndRepliesUseIt()
    {
        var organization = await TestOrganization.CreateAsync(fixture.Host);
        using var browser = Browser(new CookieContainer());
        var code = $"C{Guid.NewGuid():N}"[..10].ToUpperInvariant();

        var start = await browser.GetAsync(InstallLink(organization.Id));
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        var authorize = start.Headers.Location!;
        Assert.StartsWith(new Uri(fixture.Slack.BaseAddress, "oauth/v2/authorize").ToString(), authorize.ToString());
        var query = QueryHelpers.ParseQuery(authorize.Query);
        Assert.Equal(string.Join(',', SlackScopes.Bot), query["scope"].ToString());
        Assert.Equal("1111.2222", query["client_id"].ToString());

        var callback = await browser.GetAsync($"/api/slack/oauth/callback?code={code}&state={Uri.EscapeDataString(query["state"].ToString())}");

        Assert.Equal(HttpStatusCode.OK, callback.StatusCode);
        var exchange = fixture.Slack.Calls.Single(c => c.Method == "oauth.v2.access" && c.Arguments["code"]?.ToString() == code);
        Assert.Equal(query["redirect_uri"].ToString(), exchange.Arguments["redirect_uri"]!.ToString());
        var teamId = $"T{code}";
        var installation = await fixture.Host.InOrganizationAsync(organization.Id, db => db.ChannelInstallations.SingleAsync(i => i.Channel == "slack" && i.ExternalId == teamId));
        Assert.NotNull(installation.SecretCipher);
        Assert.DoesNotContain($"xoxb-installed-{code}", System.Text.Encoding.UTF8.GetString(installation.SecretCipher!));

        using var workspace = new SlackWorkspace(fixture, organization, teamId);
        await workspace.PostEventAsync(workspace.DmEnvelope("guest", "help"));
        var reply = (await fixture.Slack.WaitForAsync(c => c.Method == "chat.postMessage" && c.Arguments["channel"]?.ToString() == workspace.DmChannel("guest"))).Single();
        Assert.Equal($"xoxb-installed-{code}", reply.Token);
    }

    [Fact]
    public async Task AnInstallWithoutAValidTicketIsRefused()
    {
        using var browser = Browser(new CookieContainer());

        Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetAsync("/api/slack/install")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetAsync("/api/slack/install?ticket=forged.ticket")).StatusCode);
    }

    [Fact]
    public async Task ACallbackWithoutTheInstallersCookieOrWithAForgedStateIsRefused()
    {
        var organization = await TestOrganization.CreateAsync(fixture.Host);
        using var installer = Browser(new CookieContainer());
        var start = await installer.GetAsync(InstallLink(organization.Id));
        var state = QueryHelpers.ParseQuery(start.Headers.Location!.Query)["state"].ToString();
        using var attacker = Browser(new CookieContainer());

        var stolen = await attacker.GetAsync($"/api/slack/oauth/callback?code=CSTOLEN&state={Uri.EscapeDataString(state)}");
        var forged = await installer.GetAsync("/api/slack/oauth/callback?code=CFORGED&state=abc.def");

        Assert.Equal(HttpStatusCode.Forbidden, stolen.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.DoesNotContain(fixture.Slack.Calls, c => c.Method == "oauth.v2.access" && c.Arguments["code"]?.ToString() is "CSTOLEN" or "CFORGED");
    }
}
