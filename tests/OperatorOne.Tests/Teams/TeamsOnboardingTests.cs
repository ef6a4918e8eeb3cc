using System.IO.Compression;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using OperatorOne.Tests.AdminApi;
using OperatorOne.Tests.Deploy;

namespace OperatorOne.Tests.Teams;

/// <summary>Teams for a new organization: invited people linked by the roster's email, the channel check, the app package.</summary>
[Collection(TeamsCollection.Name)]
public sealed class TeamsOnboardingTests(TeamsBotHost host)
{
    [Fact]
    public async Task AnInvitedPersonWritingFromTeamsIsLinkedByTheRosterEmailAndAStrangerStaysAGuest()
    {
        var tenant = await TeamsTenant.CreateAsync(host.Bot);
        using var owner = await AdminKeys.ClientAsync(host.Bot, tenant.Organization, "owner");
        var email = $"dana.{Guid.NewGuid():N}"[..16] + "@example.com";
        using var invited = await owner.PostAsJsonAsync(AdminKeys.Base(tenant.Organization) + "/invitations", new { email, role = "member" });
        Assert.Equal(HttpStatusCode.Created, invited.StatusCode);
        var danaId = (await invited.Content.ReadFromJsonAsync<JsonObject>())!["member"]!["id"]!.GetValue<string>();
        var people = new Dictionary<string, string>(tenant.AadObjectIds) { ["dana"] = Guid.NewGuid().ToString(), ["stranger"] = Guid.NewGuid().ToString() };
        var withNewcomers = tenant with { AadObjectIds = people };
        using var dana = new TeamsUser(host, withNewcomers, "dana");
        using var stranger = new TeamsUser(host, withNewcomers, "stranger");
        // Teams' roster gives the address as the directory has it; case does not matter.
        host.Cloud.RosterEmails[dana.UserId] = email.ToUpperInvariant();
        host.Cloud.RosterEmails[stranger.UserId] = "someone.else@example.com";

        await dana.Send("show my tickets");
        await dana.ExpectReply("You have no open tickets");
        // A guest may list their (no) tickets too, so the answer's words tell nothing: the identity rows below do.
        await stranger.Send("show my tickets");
        await stranger.Expect(c => c.Body["replyToId"] is not null && c.Text.Length > 0, "an answer");
        await stranger.Send("show my tickets");
        await stranger.Expect(c => c.Body["replyToId"] is not null && c.Text.Length > 0, "a second answer");

        var linked = await host.Bot.InOrganizationAsync(tenant.Organization.Id, db => db.ChannelIdentities
            .Where(i => i.Channel == "msteams" && (i.ExternalId == people["dana"] || i.ExternalId == people["stranger"]))
            .Select(i => new { i.ExternalId, MemberId = i.MemberId.ToString() }).ToListAsync());
        var link = Assert.Single(linked);
        Assert.Equal((people["dana"], danaId), (link.ExternalId, link.MemberId));
        // A miss is remembered: the stranger's second message costs no second roster call.
        Assert.Single(host.Cloud.RosterLookups, id => id == stranger.UserId);
    }

    [Fact]
    public async Task TheChannelCheckNamesARefusedAppPasswordAndAMissingTenant()
    {
        var tenant = await TeamsTenant.CreateAsync(host.Bot);
        var unconnected = await Infrastructure.TestOrganization.CreateAsync(host.Bot);
        using var admin = await AdminKeys.ClientAsync(host.Bot, tenant.Organization, "admin");
        using var otherAdmin = await AdminKeys.ClientAsync(host.Bot, unconnected, "admin");

        host.Cloud.RefusedSecret = TeamsBotHost.AppPassword;
        JsonObject refused;
        try
        {
            refused = await TeamsReportAsync(admin, tenant.Organization.Id);
        }
        finally
        {
            host.Cloud.RefusedSecret = null;
        }
        var working = await TeamsReportAsync(admin, tenant.Organization.Id);
        var noTenant = await TeamsReportAsync(otherAdmin, unconnected.Id);

        Assert.Equal("unreachable", refused["state"]!.GetValue<string>());
        var failing = refused["hops"]!.AsArray().First(h => !h!["ok"]!.GetValue<bool>())!;
        Assert.Equal("Bot Connector token", failing["name"]!.GetValue<string>());
        Assert.Equal("the app password was refused.", failing["detail"]!.GetValue<string>());
        Assert.Contains("Teams__AppPassword", failing["fix"]!.GetValue<string>());
        Assert.Equal("working", working["state"]!.GetValue<string>());
        Assert.EndsWith("/api/messages", working["setup"]!["messagingEndpoint"]!.GetValue<string>());
        Assert.Equal("unreachable", noTenant["state"]!.GetValue<string>());
        Assert.Equal("Teams tenant", noTenant["hops"]!.AsArray().First(h => !h!["ok"]!.GetValue<bool>())!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task TheAppPackageIsWhatPackagePyBuildsForTheSameAppIdAndDomain()
    {
        var tenant = await TeamsTenant.CreateAsync(host.Bot);
        using var admin = await AdminKeys.ClientAsync(host.Bot, tenant.Organization, "admin");
        using var viewer = await AdminKeys.ClientAsync(host.Bot, tenant.Organization, "viewer");

        using var response = await admin.GetAsync(AdminKeys.Base(tenant.Organization) + "/channels/msteams/package");
        using var refused = await viewer.GetAsync(AdminKeys.Base(tenant.Organization) + "/channels/msteams/package");
        using var unknown = await admin.GetAsync(AdminKeys.Base(tenant.Organization) + "/channels/msteams/nothing");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync());
        Assert.Equal(["color.png", "manifest.json", "outline.png"], zip.Entries.Select(e => e.FullName).Order());
        var manifest = Manifest(zip);
        Assert.Equal(TeamsBotHost.AppId, manifest["id"]!.GetValue<string>());
        Assert.Equal("127.0.0.1", manifest["validDomains"]![0]!.GetValue<string>());

        // The script in manifests/teams builds the same manifest from the same values.
        var output = Path.Combine(Path.GetTempPath(), $"teams-{Guid.NewGuid():N}.zip");
        var script = Process.Start(new ProcessStartInfo("python3", [RepositoryFiles.PathOf("manifests/teams/package.py"), "--app-id", TeamsBotHost.AppId,
            "--domain", "127.0.0.1", "--out", output]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        await script.WaitForExitAsync();
        Assert.True(script.ExitCode == 0, await script.StandardError.ReadToEndAsync());
        using (var expected = ZipFile.OpenRead(output))
        {
            Assert.True(JsonNode.DeepEquals(Manifest(expected), manifest));
            Assert.Equal(expected.Entries.Select(e => e.FullName).Order(), zip.Entries.Select(e => e.FullName).Order());
        }
        File.Delete(output);
    }

    private static async Task<JsonObject> TeamsReportAsync(HttpClient admin, Guid organizationId)
    {
        var reports = await admin.GetFromJsonAsync<JsonArray>($"/admin/v1/organizations/{organizationId}/channels");
        return reports!.Single(r => r!["channel"]!.GetValue<string>() == "msteams")!.AsObject();
    }

    private static JsonObject Manifest(ZipArchive zip)
    {
        using var reader = new StreamReader(zip.GetEntry("manifest.json")!.Open());
        return JsonNode.Parse(reader.ReadToEnd())!.AsObject();
    }
}
