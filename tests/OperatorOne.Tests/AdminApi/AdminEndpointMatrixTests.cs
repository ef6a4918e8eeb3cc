using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OperatorOne.AdminApi.ApiKeys;
using OperatorOne.Data.Members;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.AdminApi;

/// <summary>Every mapped /admin/v1 endpoint, walked: who is refused, how malformed input is answered, what is audited.</summary>
[Collection(BotCollection.Name)]
public sealed class AdminEndpointMatrixTests(BotHost host)
{
    private const string NotJson = "{not json";

    [Fact]
    public async Task EveryEndpointRefusesMissingRevokedForeignAndUnderprivilegedCallersBeforeReadingTheBody()
    {
        var org = await TestOrganization.CreateAsync(host);
        var other = await TestOrganization.CreateAsync(host);
        var endpoints = AdminEndpoint.All(host);
        Assert.True(endpoints.Count >= 27, $"only {endpoints.Count} admin endpoints mapped");
        var (revokedId, revokedKey) = await AdminKeys.IssueAsync(host, org, "owner");
        await host.InOrganizationAsync(org.Id, db => db.ApiKeys.Where(k => k.Id == revokedId).ExecuteUpdateAsync(s => s.SetProperty(k => k.RevokedAt, DateTimeOffset.UtcNow)));
        using var anonymous = AdminKeys.WithKey(host, null);
        using var revoked = AdminKeys.WithKey(host, revokedKey);
        using var foreigner = await AdminKeys.ClientAsync(host, other, "owner");
        var below = new Dictionary<MemberRole, HttpClient>
        {
            [MemberRole.Viewer] = AdminKeys.WithKey(host, await GuestKeyAsync(org)),
            [MemberRole.Member] = await AdminKeys.ClientAsync(host, org, "viewer"),
            [MemberRole.Admin] = await AdminKeys.ClientAsync(host, org, "member"),
            [MemberRole.Owner] = await AdminKeys.ClientAsync(host, org, "admin"),
        };

        using var operatorClient = AdminKeys.WithKey(host, TestSecrets.OperatorKey);
        foreach (var endpoint in endpoints)
        {
            // A malformed body on every call: each refusal must come before the body is read.
            await ExpectAsync(anonymous, endpoint, org.Id, HttpStatusCode.Unauthorized);
            await ExpectAsync(revoked, endpoint, org.Id, HttpStatusCode.Unauthorized);
            if (endpoint.OperatorOnly)
            {
                // Creating and listing organizations is the operator's: no member's key does it, however high its role.
                await ExpectAsync(foreigner, endpoint, org.Id, HttpStatusCode.Forbidden);
                await ExpectAsync(below[MemberRole.Owner], endpoint, org.Id, HttpStatusCode.Forbidden);
                continue;
            }
            await ExpectAsync(foreigner, endpoint, org.Id, HttpStatusCode.NotFound);
            await ExpectAsync(below[endpoint.RequiredRole], endpoint, org.Id, HttpStatusCode.Forbidden);
            if (!endpoint.OperatorAllowed)
            {
                // The operator key manages organizations, not what is in them.
                await ExpectAsync(operatorClient, endpoint, org.Id, HttpStatusCode.Forbidden);
            }
        }

        var audited = await host.InOrganizationAsync(org.Id, db => db.AuditEvents
            .Where(e => e.Kind == "admin_call" && e.Outcome == "failed").Select(e => e.Tool!).Distinct().ToListAsync());
        Assert.All(endpoints, e => Assert.Contains(e.AuditTool, audited));
        Assert.Contains(endpoints, e => e.OperatorOnly);
        var auditedForeign = await host.InOrganizationAsync(other.Id, db => db.AuditEvents
            .Where(e => e.Kind == "admin_call" && e.MemberId == other.Members["owner"]).CountAsync());
        Assert.Equal(endpoints.Count, auditedForeign);
        foreach (var client in below.Values)
        {
            client.Dispose();
        }
    }

    [Fact]
    public async Task EveryEndpointWithABodyAnswersMalformedJsonWithAReason()
    {
        var org = await TestOrganization.CreateAsync(host);
        using var owner = await AdminKeys.ClientAsync(host, org, "owner");

        using var operatorClient = AdminKeys.WithKey(host, TestSecrets.OperatorKey);

        foreach (var endpoint in AdminEndpoint.All(host).Where(e => e.TakesJsonBody))
        {
            foreach (var (body, reason) in new[] { (NotJson, "not well-formed JSON"), ("[1, 2]", "JSON object"), ("null", "JSON object") })
            {
                using var response = await (endpoint.OperatorOnly ? operatorClient : owner).SendAsync(endpoint.Request(org.Id, body));
                Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{endpoint.Operation} with {body}: {response.StatusCode}");
                var problem = await ProblemAsync(response);
                Assert.Contains(reason, problem.GetProperty("detail").GetString());
            }
        }
    }

    [Theory]
    [InlineData("/members", "{\"handle\": \"x\", \"displayName\": \"X\", \"role\": \"emperor\"}", "'role'")]
    [InlineData("/api-keys", "{\"memberId\": \"nope\", \"name\": \"x\"}", "'memberId'")]
    [InlineData("", "{\"approvalExpiryMinutes\": \"soon\"}", "'approvalExpiryMinutes'")]
    public async Task AWrongTypeInTheBodyIsNamedInTheProblem(string path, string json, string named)
    {
        var org = await TestOrganization.CreateAsync(host);
        using var owner = await AdminKeys.ClientAsync(host, org, "owner");
        var method = path.Length == 0 ? HttpMethod.Patch : HttpMethod.Post;

        using var response = await owner.SendAsync(new HttpRequestMessage(method, AdminKeys.Base(org) + path)
        {
            Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json"),
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(named, (await ProblemAsync(response)).GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("/audit?from=yesterday")]
    [InlineData("/audit?limit=many")]
    [InlineData("/audit?memberId=bob")]
    [InlineData("/usage?from=2026-13-45")]
    [InlineData("/approvals?limit=x")]
    public async Task AMalformedQueryStringIsABadRequestWithAReason(string query)
    {
        var org = await TestOrganization.CreateAsync(host);
        using var viewer = await AdminKeys.ClientAsync(host, org, "viewer");

        using var response = await viewer.GetAsync(AdminKeys.Base(org) + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace((await ProblemAsync(response)).GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task AnOversizedBodyIsRefusedBeforeItIsRead()
    {
        var org = await TestOrganization.CreateAsync(host);
        using var admin = await AdminKeys.ClientAsync(host, org, "admin");

        using var response = await admin.PatchAsJsonAsync(AdminKeys.Base(org), new { businessContext = new string('x', 300_000) });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("limited", (await ProblemAsync(response)).GetProperty("detail").GetString());
    }

    private static async Task ExpectAsync(HttpClient client, AdminEndpoint endpoint, Guid organization, HttpStatusCode expected)
    {
        using var response = await client.SendAsync(endpoint.Request(organization, NotJson));
        Assert.True(response.StatusCode == expected, $"{endpoint.Operation}: expected {(int)expected}, got {(int)response.StatusCode}");
        await ProblemAsync(response);
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>A key for a guest member: below viewer, so even reads are refused.</summary>
    private Task<string> GuestKeyAsync(TestOrganization org) => host.InOrganizationAsync(org.Id, async db =>
    {
        var guest = new Member
        {
            Id = Guid.NewGuid(), OrganizationId = org.Id, Handle = "guest", DisplayName = "Gus Guest", Role = MemberRole.Guest, CreatedAt = DateTimeOffset.UtcNow,
        };
        db.Members.Add(guest);
        var (_, plaintext) = ApiKeyEndpoints.Issue(db, guest, "guest", null, DateTimeOffset.UtcNow);
        await db.SaveChangesAsync();
        return plaintext;
    });
}
