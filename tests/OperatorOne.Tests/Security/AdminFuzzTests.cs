using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using OperatorOne.Data.Approvals;
using OperatorOne.Data.Members;
using OperatorOne.Tests.AdminApi;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.Security;

/// <summary>
/// Every admin API endpoint that reads a body (the JSON ones as mapped, plus the document upload and the CSV contact
/// import) gets mutations of a valid body: no 5xx, and a refusal writes nothing but its audit entry. The operator's
/// organization create is judged across all organizations. <see cref="FuzzTests"/> keeps the first seven bodies.
/// </summary>
[Collection(SecuredCollection.Name)]
public sealed class AdminFuzzTests(SecuredBot bot, ITestOutputHelper output)
{
    private const string OrganizationRoute = "/admin/v1/organizations/{organizationId:guid}";

    private readonly FuzzTarget _target = new(bot);

    /// <summary>A valid request per body endpoint; {…} names a route value filled in from the test's own rows.</summary>
    private static readonly (string Method, string Pattern, string ContentType, string Body)[] Valid =
    [
        ("PATCH", OrganizationRoute, "application/json",
            "{\"businessContext\":\"Bikes.\",\"allowSelfApproval\":false,\"riskyWriteApproverRole\":\"owner\",\"adminApproverRole\":\"admin\",\"timeZone\":\"Europe/Brussels\",\"country\":\"BE\"}"),
        ("PATCH", OrganizationRoute + "/members/{memberId:guid}", "application/json", "{\"displayName\":\"Mia M.\",\"email\":\"mia@example.com\",\"notifyBy\":\"email\"}"),
        ("POST", OrganizationRoute + "/teams/{teamId:guid}/members", "application/json", "{\"memberId\":\"{memberId:guid}\"}"),
        ("POST", OrganizationRoute + "/approvals/{approvalId:guid}/decision", "application/json", "{\"approve\":false}"),
        ("POST", OrganizationRoute + "/invitations", "application/json", "{\"email\":\"{unique}@example.com\",\"role\":\"member\",\"displayName\":\"Nia New\"}"),
        ("POST", OrganizationRoute + "/api-keys", "application/json", "{\"memberId\":\"{memberId:guid}\",\"name\":\"ci\",\"role\":\"viewer\"}"),
        ("POST", OrganizationRoute + "/custom-tools", "application/json",
            "{\"name\":\"order_{unique}\",\"description\":\"Look up an order\",\"url\":\"{receiver}orders/{order_id}\",\"parameters\":{\"type\":\"object\"," +
            "\"properties\":{\"order_id\":{\"type\":\"string\",\"description\":\"The order\"}},\"required\":[\"order_id\"]},\"phrasings\":[\"where is order {order_id}\"]," +
            "\"headers\":{\"Authorization\":\"Bearer k\"},\"response\":{\"template\":\"Order {id} is {status}\"}}"),
        ("PATCH", OrganizationRoute + "/custom-tools/{toolId:guid}", "application/json", "{\"description\":\"Find an order\",\"method\":\"GET\",\"tier\":\"readOnly\"}"),
        ("POST", OrganizationRoute + "/webhooks", "application/json", "{\"url\":\"{receiver}hooks\",\"events\":[\"ticket.closed\"],\"description\":\"n8n\",\"active\":false}"),
        ("PATCH", OrganizationRoute + "/webhooks/{subscriptionId:guid}", "application/json", "{\"events\":[\"ticket.closed\"],\"description\":\"paused\",\"active\":false}"),
        ("POST", "/admin/v1/organizations", "application/json",
            "{\"name\":\"Fuzz {unique}\",\"timeZone\":\"Europe/Brussels\",\"country\":\"BE\",\"owner\":{\"displayName\":\"Olga\",\"email\":\"{unique}@example.com\",\"phone\":\"+32470123456\"}}"),
        ("POST", OrganizationRoute + "/contacts/import", "text/csv", "name,email,phone,company\nDana {unique},dana@example.com,+15551230000,Acme\nLee Park,,,Globex\n"),
        ("POST", OrganizationRoute + "/documents", "multipart/form-data; boundary=fuzzb1",
            "--fuzzb1\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nQ3 plan {unique}\r\n--fuzzb1\r\nContent-Disposition: form-data; name=\"tags\"\r\n\r\nplan,q3\r\n" +
            "--fuzzb1\r\nContent-Disposition: form-data; name=\"visibility\"\r\n\r\norganization\r\n" +
            "--fuzzb1\r\nContent-Disposition: form-data; name=\"file\"; filename=\"plan.txt\"\r\nContent-Type: text/plain\r\n\r\nShip the bikes in July.\r\n--fuzzb1--\r\n"),
    ];

    [Fact]
    public void EveryAdminEndpointThatTakesAJsonBodyIsFuzzedHereOrInFuzzTests()
    {
        // The seven FuzzTests already mutates; a new endpoint with a body fails here until it has a valid body above.
        string[] elsewhere =
        [
            $"POST {OrganizationRoute}/members", $"POST {OrganizationRoute}/teams", $"POST {OrganizationRoute}/installations",
            $"PUT {OrganizationRoute}/members/{{memberId:guid}}/role", $"POST {OrganizationRoute}/members/{{memberId:guid}}/identities",
        ];
        var fuzzed = Valid.Select(v => $"{v.Method} {v.Pattern}").Concat(elsewhere).ToHashSet();

        var unfuzzed = AdminEndpoint.All(bot.Host).Where(e => e.TakesJsonBody).Select(e => e.AuditTool).Where(e => !fuzzed.Contains(e)).ToList();

        Assert.True(unfuzzed.Count == 0, "Admin endpoints with a body that no fuzz test mutates: " + string.Join(", ", unfuzzed));
    }

    [Fact]
    public async Task MutatedBodiesOfEveryAdminEndpointNeverAnswer5xxAndRefusalsWriteNothingButTheirAudit()
    {
        var organization = await TestOrganization.CreateAsync(bot.Host);
        var (_, key) = await AdminKeys.IssueAsync(bot.Host, organization, "owner");
        using var owner = AdminKeys.WithKey(bot.Host, key);
        var root = AdminKeys.Base(organization);
        var receiver = bot.Twilio.BaseAddress.ToString();
        var values = new Dictionary<string, string>
        {
            ["{organizationId:guid}"] = organization.Id.ToString(),
            ["{memberId:guid}"] = organization.Members["member"].ToString(),
            ["{teamId:guid}"] = await CreatedIdAsync(owner, root + "/teams", new JsonObject { ["name"] = "Fuzz team" }),
            ["{toolId:guid}"] = await CreatedIdAsync(owner, root + "/custom-tools", JsonNode.Parse(Valid[6].Body.Replace("{receiver}", receiver, StringComparison.Ordinal)
                .Replace("{unique}", "first", StringComparison.Ordinal))!.AsObject()),
            ["{subscriptionId:guid}"] = await CreatedIdAsync(owner, root + "/webhooks", JsonNode.Parse(Valid[8].Body.Replace("{receiver}", receiver, StringComparison.Ordinal))!.AsObject()),
            ["{approvalId:guid}"] = (await PendingApprovalAsync(organization)).ToString(),
            ["{receiver}"] = receiver,
        };

        Task<HttpResponseMessage> SendAsync(int i, Mutation[] edits)
        {
            var (method, pattern, contentType, template) = Valid[i];
            var filled = values.Aggregate(template.Replace("{unique}", $"u{Guid.NewGuid():N}"[..12], StringComparison.Ordinal),
                (text, value) => text.Replace(value.Key, value.Value, StringComparison.Ordinal));
            var path = values.Aggregate(pattern, (text, value) => text.Replace(value.Key, value.Value, StringComparison.Ordinal));
            var body = Mutation.Apply(Encoding.UTF8.GetBytes(filled), edits, form: false);
            var credential = IsOperators(pattern) ? TestSecrets.OperatorKey : key;
            return _target.SendAsync(new HttpMethod(method), path, body, contentType, r => r.Headers.Authorization = new AuthenticationHeaderValue("Bearer", credential));
        }

        // Each body as written is accepted, so the mutations below start from requests that work.
        for (var i = 0; i < Valid.Length; i++)
        {
            using var response = await SendAsync(i, []);
            Assert.True((int)response.StatusCode < 300, $"{Valid[i].Method} {Valid[i].Pattern}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
        await FuzzTarget.SettleAsync(bot.Host);

        await FuzzRun.SampleAsync(output, _target, Valid.Length, 80, async (i, edits) =>
        {
            // The operator's create makes an organization of its own: a refusal must leave the number of organizations alone.
            Func<Task<Dictionary<string, long>>> rows = IsOperators(Valid[i].Pattern) ? OrganizationCountAsync : () => bot.RowCountsAsync(organization.Id);
            await _target.CheckAsync(rows, "admin " + Valid[i].Pattern, () => SendAsync(i, edits), refusalsAudited: true);
        });
    }

    private static bool IsOperators(string pattern) => !pattern.StartsWith(OrganizationRoute, StringComparison.Ordinal);

    private static async Task<string> CreatedIdAsync(HttpClient owner, string path, JsonObject body)
    {
        using var response = await owner.PostAsJsonAsync(path, body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
    }

    /// <summary>A pending approval for a harmless change (a ticket that does not exist), as a member's risky request leaves it.</summary>
    private Task<Guid> PendingApprovalAsync(TestOrganization organization) =>
        bot.Host.InOrganizationAsync(organization.Id, async db =>
        {
            var now = DateTimeOffset.UtcNow;
            var approval = new ApprovalRequest
            {
                Id = Guid.NewGuid(), OrganizationId = organization.Id, Number = 1, Tool = "delete_ticket", Arguments = "{\"number\":999}",
                Summary = "Delete ticket #999", RequestedById = organization.Members["member"], RequiredRole = MemberRole.Admin,
                Status = ApprovalStatus.Pending, CreatedAt = now, ExpiresAt = now.AddDays(1),
            };
            db.ApprovalRequests.Add(approval);
            await db.SaveChangesAsync();
            return approval.Id;
        });

    private async Task<Dictionary<string, long>> OrganizationCountAsync() =>
        new() { ["organizations"] = await TestPostgres.QueryAsAdminAsync(bot.Host.AdminConnectionString, "SELECT count(*) FROM organizations", r => r.Read() ? r.GetInt64(0) : -1) };
}
