using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OperatorOne.AdminApi;
using OperatorOne.Data.Members;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.AdminApi;

[Collection(BotCollection.Name)]
public sealed class AdminAuthenticationTests(BotHost host)
{
    [Fact]
    public async Task ARequestWithoutAKeyIsUnauthorizedWithProblemDetails()
    {
        var org = await TestOrganization.CreateAsync(host);
        using var client = AdminKeys.WithKey(host, null);

        var response = await client.GetAsync(AdminKeys.Base(org));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Bearer", response.Headers.WwwAuthenticate.ToString());
    }

    [Theory]
    [InlineData("not-a-key")]
    [InlineData("op1_zz_zz")]
    [InlineData("op1_00000000000000000000000000000000_0000000000000000000000000000000000000000000000000000000000000000")]
    public async Task AMalformedOrUnknownKeyIsUnauthorized(string key)
    {
        var org = await TestOrganization.CreateAsync(host);
        using var client = AdminKeys.WithKey(host, key);

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(AdminKeys.Base(org))).StatusCode);
    }

    [Fact]
    public async Task AKeyWithAWrongSecretIsUnauthorized()
    {
        var org = await TestOrganization.CreateAsync(host);
        var (_, key) = await AdminKeys.IssueAsync(host, org, "owner");
        using var client = AdminKeys.WithKey(host, key[..^4] + (key.EndsWith("aaaa", StringComparison.Ordinal) ? "bbbb" : "aaaa"));

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(AdminKeys.Base(org))).StatusCode);
    }

    [Fact]
    public async Task ARevokedKeyStopsWorkingAtOnce()
    {
        var org = await TestOrganization.CreateAsync(host);
        using var owner = await AdminKeys.ClientAsync(host, org, "owner");
        var (keyId, key) = await AdminKeys.IssueAsync(host, org, "admin");
        using var admin = AdminKeys.WithKey(host, key);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(AdminKeys.Base(org))).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await owner.DeleteAsync($"{AdminKeys.Base(org)}/api-keys/{keyId}")).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await admin.GetAsync(AdminKeys.Base(org))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.DeleteAsync($"{AdminKeys.Base(org)}/api-keys/{keyId}")).StatusCode);
    }

    [Fact]
    public async Task AnotherOrganizationsDataIsNotFound()
    {
        var org = await TestOrganization.CreateAsync(host);
        var other = await TestOrganization.CreateAsync(host);
        using var owner = await AdminKeys.ClientAsync(host, org, "owner");

        Assert.Equal(HttpStatusCode.NotFound, (await owner.GetAsync(AdminKeys.Base(other))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.GetAsync($"{AdminKeys.Base(other)}/members")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.PostAsJsonAsync($"{AdminKeys.Base(other)}/members/{other.Members["member"]}/deactivate", new { })).StatusCode);
        // A member id from the other organization, asked about through our own: RLS hides it.
        Assert.Equal(HttpStatusCode.NotFound, (await owner.GetAsync($"{AdminKeys.Base(org)}/members/{other.Members["member"]}")).StatusCode);
        Assert.True(await host.InOrganizationAsync(other.Id, db => db.Members.AnyAsync(m => m.Id == other.Members["member"] && m.IsActive)));
    }

    [Fact]
    public async Task AViewerReadsButCannotWrite()
    {
        var org = await TestOrganization.CreateAsync(host);
        using var viewer = await AdminKeys.ClientAsync(host, org, "viewer");

        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync($"{AdminKeys.Base(org)}/members")).StatusCode);
        var write = await viewer.PatchAsJsonAsync(AdminKeys.Base(org), new { name = "Renamed" });

        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
        Assert.Equal("application/problem+json", write.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task OnlyAnOwnerManagesKeysAndRoles()
    {
        var org = await TestOrganization.CreateAsync(host);
        using var admin = await AdminKeys.ClientAsync(host, org, "admin");

        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync($"{AdminKeys.Base(org)}/api-keys")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.PostAsJsonAsync($"{AdminKeys.Base(org)}/api-keys", new { memberId = org.Members["admin"], name = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.PutAsJsonAsync($"{AdminKeys.Base(org)}/members/{org.Members["member"]}/role", new { role = "owner" })).StatusCode);
    }

    [Fact]
    public async Task AKeyNeverActsAboveItsMembersCurrentRole()
    {
        var org = await TestOrganization.CreateAsync(host);
        var (_, key) = await AdminKeys.IssueAsync(host, org, "admin");
        using var admin = AdminKeys.WithKey(host, key);
        using var owner = await AdminKeys.ClientAsync(host, org, "owner");
        Assert.Equal(HttpStatusCode.OK, (await admin.PatchAsJsonAsync(AdminKeys.Base(org), new { businessContext = "Bikes." })).StatusCode);

        await owner.PutAsJsonAsync($"{AdminKeys.Base(org)}/members/{org.Members["admin"]}/role", new { role = "viewer" });

        Assert.Equal(HttpStatusCode.Forbidden, (await admin.PatchAsJsonAsync(AdminKeys.Base(org), new { businessContext = "Cars." })).StatusCode);
        await owner.PostAsJsonAsync($"{AdminKeys.Base(org)}/members/{org.Members["admin"]}/deactivate", new { });
        Assert.Equal(HttpStatusCode.Unauthorized, (await admin.GetAsync(AdminKeys.Base(org))).StatusCode);
    }

    [Fact]
    public async Task AnOwnerCreatesAKeyThatIsShownOnceAndStoredHashed()
    {
        var org = await TestOrganization.CreateAsync(host);
        using var owner = await AdminKeys.ClientAsync(host, org, "owner");

        var created = await owner.PostAsJsonAsync($"{AdminKeys.Base(org)}/api-keys", new { memberId = org.Members["member"], name = "ci", role = "viewer" });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        var key = body.GetProperty("key").GetString()!;
        Assert.StartsWith("op1_", key);
        Assert.Equal("viewer", body.GetProperty("role").GetString());
        using var ci = AdminKeys.WithKey(host, key);
        Assert.Equal(HttpStatusCode.OK, (await ci.GetAsync($"{AdminKeys.Base(org)}/audit")).StatusCode);
        var listed = await owner.GetFromJsonAsync<JsonElement>($"{AdminKeys.Base(org)}/api-keys");
        var entry = listed.EnumerateArray().Single(k => k.GetProperty("name").GetString() == "ci");
        Assert.Equal(JsonValueKind.Null, entry.GetProperty("key").ValueKind);
        Assert.NotEqual(JsonValueKind.Null, entry.GetProperty("lastUsedAt").ValueKind);
        var stored = await host.InOrganizationAsync(org.Id, db => db.ApiKeys.SingleAsync(k => k.Name == "ci"));
        Assert.Equal(Bot.Core.Security.SecretBox.Hash(key), stored.SecretHash);
    }

    [Fact]
    public async Task MalformedKeyCreationIsABadRequest()
    {
        var org = await TestOrganization.CreateAsync(host);
        using var owner = await AdminKeys.ClientAsync(host, org, "owner");

        Assert.Equal(HttpStatusCode.BadRequest, (await owner.PostAsJsonAsync($"{AdminKeys.Base(org)}/api-keys", new { memberId = org.Members["member"], name = "" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await owner.PostAsJsonAsync($"{AdminKeys.Base(org)}/api-keys", new { memberId = "nope", name = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.PostAsJsonAsync($"{AdminKeys.Base(org)}/api-keys", new { memberId = Guid.NewGuid(), name = "x" })).StatusCode);
    }

    [Fact]
    public async Task EveryAdminCallIsAudited()
    {
        var org = await TestOrganization.CreateAsync(host);
        using var admin = await AdminKeys.ClientAsync(host, org, "admin");

        await admin.GetAsync($"{AdminKeys.Base(org)}/members");
        await admin.PostAsJsonAsync($"{AdminKeys.Base(org)}/members", new { handle = "", displayName = "" });

        var events = await host.InOrganizationAsync(org.Id, db => db.AuditEvents.Where(e => e.Kind == "admin_call").OrderBy(e => e.Id).ToListAsync());
        Assert.Equal(2, events.Count);
        Assert.All(events, e => Assert.Equal(org.Members["admin"], e.MemberId));
        Assert.Equal("GET /admin/v1/organizations/{organizationId:guid}/members", events[0].Tool);
        Assert.Equal(("ok", "failed"), (events[0].Outcome, events[1].Outcome));
    }

    [Fact]
    public void KeysAreReadOnlyInTheirExactFormat()
    {
        var id = Guid.NewGuid();
        var (plaintext, hash) = ApiKeySecrets.Create(id);

        Assert.Equal(id, ApiKeySecrets.TryReadId(plaintext));
        Assert.Equal(Bot.Core.Security.SecretBox.Hash(plaintext), hash);
        Assert.Null(ApiKeySecrets.TryReadId(plaintext.ToUpperInvariant()));
        Assert.Null(ApiKeySecrets.TryReadId(plaintext + "_x"));
        Assert.Null(ApiKeySecrets.TryReadId("op2" + plaintext[3..]));
    }

    [Fact]
    public void TheRateLimiterRefusesPastTheLimitPerKey()
    {
        using var limiter = new AdminRateLimiter(Microsoft.Extensions.Options.Options.Create(new AdminApiOptions { RequestsPerMinute = 3 }));

        var first = Enumerable.Range(0, 4).Select(_ => limiter.TryAcquire("key:a")).ToList();

        Assert.Equal([true, true, true, false], first);
        Assert.True(limiter.TryAcquire("key:b"));
    }

    [Fact]
    public async Task TheBootstrapCommandPrintsAWorkingOwnerKey()
    {
        var org = await TestOrganization.CreateAsync(host);
        var options = new DbContextOptionsBuilder<OperatorOne.Data.OperatorOneDb>().UseNpgsql(host.AdminConnectionString).Options;
        await using var db = new OperatorOne.Data.OperatorOneDb(options, new OperatorOne.Data.Tenancy.OrganizationScope());
        using var output = new StringWriter();

        var exit = await OperatorOne.AdminApi.ApiKeys.ApiKeyBootstrap.RunAsync(db, [org.Id.ToString(), "owner"], output, CancellationToken.None);

        Assert.Equal(0, exit);
        var key = output.ToString().Split('\n', StringSplitOptions.TrimEntries).Single(l => l.StartsWith("op1_", StringComparison.Ordinal));
        using var owner = AdminKeys.WithKey(host, key);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"{AdminKeys.Base(org)}/api-keys")).StatusCode);
        Assert.Equal(MemberRole.Owner, await host.InOrganizationAsync(org.Id, d => d.ApiKeys.Where(k => k.Name == "bootstrap").Select(k => k.Role).SingleAsync()));
        Assert.Equal(1, await OperatorOne.AdminApi.ApiKeys.ApiKeyBootstrap.RunAsync(db, [org.Id.ToString(), "nobody"], output, CancellationToken.None));
    }
}
