using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using OperatorOne.Channels.Voice;
using OperatorOne.Tests.AdminApi;
using OperatorOne.Tests.Infrastructure;
using OperatorOne.Tests.Teams;
using OperatorOne.Tests.Voice;

namespace OperatorOne.Tests.Security;

/// <summary>
/// A channel id serves an organization only once the organization has proven it controls it; until then it is pending
/// with the next step, and no answer tells one organization whether another holds the id.
/// </summary>
[Collection(SecuredCollection.Name)]
public sealed class InstallationProofTests(SecuredBot bot)
{
    private async Task<(TestOrganization Organization, HttpClient Admin)> OrganizationAsync()
    {
        var organization = await TestOrganization.CreateAsync(bot.Host);
        return (organization, await AdminKeys.ClientAsync(bot.Host, organization, "admin"));
    }

    private static async Task<JsonElement> ClaimAsync(HttpClient admin, TestOrganization organization, object claim, HttpStatusCode expected = HttpStatusCode.Created)
    {
        var response = await admin.PostAsJsonAsync($"{AdminKeys.Base(organization)}/installations", claim);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == expected, $"{response.StatusCode}: {body}");
        return body;
    }

    private static async Task<JsonElement> InstallationAsync(HttpClient admin, TestOrganization organization, string externalId) =>
        (await admin.GetFromJsonAsync<JsonElement>($"{AdminKeys.Base(organization)}/installations"))
            .EnumerateArray().Single(i => i.GetProperty("externalId").GetString() == externalId);

    private static string NewTeam() => $"T{Guid.NewGuid():N}"[..12].ToUpperInvariant();

    [Fact]
    public async Task ASlackWorkspaceIsProvenByABotTokenWhoseAuthTestAnswersThatWorkspace()
    {
        var (organization, admin) = await OrganizationAsync();
        var team = NewTeam();
        bot.Slack.Overrides["auth.test"] = (200, new JsonObject { ["ok"] = true, ["team_id"] = team, ["team"] = "Acme", ["user_id"] = "UBOT" });

        var claim = await ClaimAsync(admin, organization, new { channel = "slack", externalId = team, secret = "xoxb-acme" });

        Assert.Equal("verified", claim.GetProperty("state").GetString());
        Assert.Equal("slack_auth_test", claim.GetProperty("proof").GetString());
        Assert.Equal("Acme", claim.GetProperty("displayName").GetString());
    }

    [Fact]
    public async Task ABotTokenOfAnotherWorkspaceIsRefusedAndNothingIsStored()
    {
        var (organization, admin) = await OrganizationAsync();
        bot.Slack.Overrides["auth.test"] = (200, new JsonObject { ["ok"] = true, ["team_id"] = "TOTHER1", ["user_id"] = "UBOT" });

        var refused = await ClaimAsync(admin, organization, new { channel = "slack", externalId = NewTeam(), secret = "xoxb-other" }, HttpStatusCode.BadRequest);

        Assert.Contains("TOTHER1", refused.GetProperty("errors").GetProperty("secret")[0].GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain((await admin.GetFromJsonAsync<JsonElement>($"{AdminKeys.Base(organization)}/installations")).EnumerateArray(),
            i => i.GetProperty("channel").GetString() == "slack");
    }

    [Fact]
    public async Task AWorkspaceClaimedWithoutATokenIsPendingWithItsInstallLink()
    {
        var (organization, admin) = await OrganizationAsync();

        var claim = await ClaimAsync(admin, organization, new { channel = "slack", externalId = NewTeam() });

        Assert.Equal("pending", claim.GetProperty("state").GetString());
        Assert.StartsWith("/api/slack/install?ticket=", claim.GetProperty("installUrl").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATeamsTenantIsProvenByItsCodeInASignedActivityAndAnotherClaimantLearnsNothing()
    {
        var (first, firstAdmin) = await OrganizationAsync();
        var (second, secondAdmin) = await OrganizationAsync();
        var tenant = Guid.NewGuid().ToString();

        var firstClaim = await ClaimAsync(firstAdmin, first, new { channel = "msteams", externalId = tenant });
        var secondClaim = await ClaimAsync(secondAdmin, second, new { channel = "msteams", externalId = tenant });

        Assert.Equal("pending", firstClaim.GetProperty("state").GetString());
        Assert.Equal("pending", secondClaim.GetProperty("state").GetString());
        var code = firstClaim.GetProperty("verificationCode").GetString()!;
        Assert.Equal(firstClaim.GetProperty("nextStep").GetString()!.Replace(code, "", StringComparison.Ordinal),
            secondClaim.GetProperty("nextStep").GetString()!.Replace(secondClaim.GetProperty("verificationCode").GetString()!, "", StringComparison.Ordinal));

        var reply = await SayInTeamsAsync(tenant, $"verify {code.ToLowerInvariant()}");
        Assert.Contains("now connected", reply, StringComparison.Ordinal);
        Assert.Equal("verified", (await InstallationAsync(firstAdmin, first, tenant)).GetProperty("state").GetString());

        var late = await SayInTeamsAsync(tenant, $"verify {secondClaim.GetProperty("verificationCode").GetString()}");
        Assert.Contains("another organization", late, StringComparison.Ordinal);
        Assert.Equal("pending", (await InstallationAsync(secondAdmin, second, tenant)).GetProperty("state").GetString());
        Assert.Contains("not", await SayInTeamsAsync(tenant, "verify AAAA-BBBB"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task APhoneNumberIsProvenOnlyWhenTheConfiguredTwilioAccountOwnsIt()
    {
        var (organization, admin) = await OrganizationAsync();
        var (other, otherAdmin) = await OrganizationAsync();
        var owned = PhoneCall.RandomNumber();
        var foreign = PhoneCall.RandomNumber();
        bot.Twilio.Owned[owned] = true;

        var proven = await ClaimAsync(admin, organization, new { channel = "voice", externalId = owned });
        var notOwned = await ClaimAsync(otherAdmin, other, new { channel = "voice", externalId = foreign });
        var taken = await ClaimAsync(otherAdmin, other, new { channel = "voice", externalId = owned });

        Assert.Equal("verified", proven.GetProperty("state").GetString());
        Assert.Equal("twilio_account", proven.GetProperty("proof").GetString());
        Assert.Equal("pending", notOwned.GetProperty("state").GetString());
        Assert.Equal("pending", taken.GetProperty("state").GetString());
        // Held elsewhere and not owned read the same: the refusal does not say which.
        Assert.Equal(notOwned.GetProperty("nextStep").GetString(), taken.GetProperty("nextStep").GetString());
    }

    [Fact]
    public async Task APendingNumberRoutesNoCall()
    {
        var (organization, admin) = await OrganizationAsync();
        var number = PhoneCall.RandomNumber();
        await ClaimAsync(admin, organization, new { channel = "voice", externalId = number });
        var form = $"CallSid=CA{Guid.NewGuid():N}&AccountSid={SecuredBot.TwilioAccountSid}&From=%2B15557770001&To={Uri.EscapeDataString(number)}&CallStatus=ringing";
        var fields = form.Split('&').Select(p => p.Split('=')).Select(p => KeyValuePair.Create(p[0], Uri.UnescapeDataString(p[1])));
        using var http = bot.Host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/voice/twilio/incoming")
        {
            Content = new StringContent(form, Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        request.Headers.Add("X-Twilio-Signature", TwilioSignature.Compute(SecuredBot.TwilioAuthToken,
            new Uri(SecuredBot.TwilioPublicBaseUrl, "/api/voice/twilio/incoming").AbsoluteUri, fields));

        var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("not connected", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Sends a signed Teams message from the tenant and returns the bot's reply to it.</summary>
    private async Task<string> SayInTeamsAsync(string tenantId, string text)
    {
        var tenant = new TeamsTenant(tenantId, null!, new Dictionary<string, string> { ["member"] = Guid.NewGuid().ToString() });
        var conversation = $"a:1{Guid.NewGuid():N}";
        var activity = FuzzTarget.TeamsMessage(tenant, "member", conversation, bot.Teams.ServiceUrl, text);
        using var http = bot.Host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bot.Teams.Token(TeamsBotHost.AppId, bot.Teams.ServiceUrl));
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(request)).StatusCode);
        return (await bot.Teams.ExpectCallAsync(c => c.Path.Contains(Uri.EscapeDataString(conversation), StringComparison.Ordinal), "a reply")).Text;
    }
}
