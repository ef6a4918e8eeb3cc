using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using OperatorOne.Tests.AdminApi;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.Onboarding;

/// <summary>
/// The pages onboarding added outside /admin/v1 (/setup, /join, the member sign-in behind it, /admin/channels) given
/// malformed, oversized, forged and unauthenticated requests: each a clear 4xx, never a 500, and nothing claimed.
/// </summary>
[Collection(BotCollection.Name)]
public sealed class OnboardingInputTests(BotHost host)
{
    public static TheoryData<string, string, string, int> Requests => new()
    {
        // Setup is closed once any organization exists: every token, every body.
        { "GET", "/setup/" + new string('a', 48), "", 403 },
        { "GET", "/setup/" + new string('a', 4000), "", 403 },
        { "POST", "/setup/%00", "form", 400 },
        { "POST", "/setup/" + new string('b', 48), "huge-form", 403 },
        { "POST", "/setup/" + new string('b', 48), "json", 403 },
        // Join links: not a token, forged, oversized; control characters are refused before any lookup.
        { "GET", "/join/not-a-token", "", 403 },
        { "GET", "/join/" + new string('c', 500), "", 403 },
        { "GET", "/join/00000000000000000000000000000000.00000000000000000000000000000000.AAAA", "", 403 },
        { "POST", "/join/5f0e1c2a9b8d4e7f8a6b5c4d3e2f1a0b.0a1b2c3d4e5f60718293a4b5c6d7e8f9.%00%01", "", 400 },
        { "POST", "/join/x.y.z", "huge-form", 403 },
        // The member sign-in a claimed link leads to.
        { "POST", "/webchat/session/token", "json", 400 },
        { "POST", "/webchat/session/token", "broken-json", 400 },
        { "POST", "/webchat/session/token", "huge-json", 413 },
        { "POST", "/webchat/session/token", "forged-key", 401 },
        // The channels page holds nothing; its data comes only from the gated API.
        { "POST", "/admin/channels", "form", 405 },
        { "GET", "/admin/v1/organizations/{org}/channels", "", 401 },
        { "GET", "/admin/v1/organizations/{org}/channels", "viewer", 403 },
        { "GET", "/admin/v1/organizations/{org}/channels/msteams/nothing", "admin", 404 },
        { "GET", "/admin/v1/organizations/{org}/channels/carrier-pigeon/package", "admin", 404 },
        { "GET", "/admin/v1/organizations/{other}/channels", "admin", 404 },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task OnboardingPagesAnswerBadRequestsWithAClear4xx(string method, string path, string body, int expected)
    {
        var org = await TestOrganization.CreateAsync(host);
        var other = await TestOrganization.CreateAsync(host);
        using var http = body switch
        {
            "viewer" => await AdminKeys.ClientAsync(host, org, "viewer"),
            "admin" => await AdminKeys.ClientAsync(host, org, "admin"),
            _ => host.CreateClient(),
        };
        using var request = new HttpRequestMessage(new HttpMethod(method), path.Replace("{org}", org.Id.ToString(), StringComparison.Ordinal)
            .Replace("{other}", other.Id.ToString(), StringComparison.Ordinal)) { Content = Content(body) };

        using var response = await http.SendAsync(request);

        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == expected, $"{method} {path} [{body}]: expected {expected}, got {(int)response.StatusCode}: {text}");
        if (response.Content.Headers.ContentType?.MediaType == "text/html")
        {
            Assert.Contains("<h1>", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AJoinLinkWithAnotherInvitationsSignatureOrAnotherOrganizationsIdIsDead()
    {
        var org = await TestOrganization.CreateAsync(host);
        var other = await TestOrganization.CreateAsync(host);
        using var admin = await AdminKeys.ClientAsync(host, org, "admin");
        var first = await InviteAsync(admin, org, "gina@example.com");
        var second = await InviteAsync(admin, org, "hank@example.com");
        var (a, b) = (first.Split('.'), second.Split('.'));
        using var http = host.CreateClient();

        using var swappedSignature = await http.PostAsync($"/join/{a[0]}.{a[1]}.{b[2]}", null);
        using var otherOrganization = await http.PostAsync($"/join/{other.Id:N}.{a[1]}.{a[2]}", null);
        using var genuine = await http.GetAsync($"/join/{first}");

        Assert.Equal(HttpStatusCode.Forbidden, swappedSignature.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, otherOrganization.StatusCode);
        Assert.Equal(HttpStatusCode.OK, genuine.StatusCode);
    }

    private static async Task<string> InviteAsync(HttpClient admin, TestOrganization org, string email)
    {
        using var response = await admin.PostAsJsonAsync(AdminKeys.Base(org) + "/invitations", new { email });
        var link = (await response.Content.ReadFromJsonAsync<JsonObject>())!["invitation"]!["link"]!.GetValue<string>();
        return link[(link.IndexOf("/join/", StringComparison.Ordinal) + "/join/".Length)..];
    }

    private static HttpContent? Content(string body) => body switch
    {
        "form" => new FormUrlEncodedContent(new Dictionary<string, string> { ["organization"] = "X" }),
        "huge-form" => new StringContent("organization=" + new string('x', 300 * 1024), Encoding.UTF8, "application/x-www-form-urlencoded"),
        "json" => new StringContent("{}", Encoding.UTF8, "application/json"),
        "broken-json" => new StringContent("{\"key\":", Encoding.UTF8, "application/json"),
        "huge-json" => new StringContent("{\"key\":\"" + new string('k', 64 * 1024) + "\"}", Encoding.UTF8, "application/json"),
        "forged-key" => new StringContent("{\"key\":\"op1m_forged.key\"}", Encoding.UTF8, "application/json"),
        _ => null,
    };
}
