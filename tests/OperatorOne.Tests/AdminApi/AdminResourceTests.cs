using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OperatorOne.Bot.Core.Security;
using OperatorOne.Data.Audit;
using OperatorOne.Tests.Infrastructure;
using OperatorOne.Tests.Voice;

namespace OperatorOne.Tests.AdminApi;

[Collection(BotCollection.Name)]
public sealed class AdminResourceTests(BotHost host)
{
    [Fact]
    public async Task AnAdminChangesSettingsAndApprovalPolicy()
    {
        var org = await TestOrganization.CreateAsync(host);
        using var admin = await AdminKeys.ClientAsync(host, org, "admin");

        var response = await admin.PatchAsJsonAsync(AdminKeys.Base(org), new
        {
            businessContext = "We rent bikes.", approvalExpiryMinutes = 90, allowSelfApproval = true, riskyWriteApproverRole = "owner",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await admin.GetFromJsonAsync<JsonElement>(AdminKeys.Base(org));
        Assert.Equal("We rent bikes.", body.GetProperty("businessContext").GetString());
        Assert.Equal(90, body.GetProperty("approvalExpiryMinutes").GetInt32());
        Assert.Equal("owner", body.GetProperty("riskyWriteApproverRole").GetString());
        Assert.True(body.GetProperty("allowSelfApproval").GetBoolean());
    }

    [Theory]
    [InlineData("{\"approvalExpiryMinutes\": 0}")]
    [InlineData("{\"name\": \"\"}")]
    [InlineData("{\"riskyWriteApproverRole\": \"viewer\"}")]
    [InlineData("{\"riskyWriteApproverRole\": \"emperor\"}")]
    [InlineData("{\"approvalExpiryMinutes\": \"soon\"}")]
    [InlineData("{not json")]
    public async Task MalformedSettingsAreABadRequest(string json)
    {
        var org = await TestOrganization.CreateAsync(host);
        using var admin = await AdminKeys.ClientAsync(host, org, "admin");

        var response = await admin.PatchAsync(AdminKeys.Base(org), new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task MembersAreInvitedPromotedAndDeactivated()
    {
        var org = await TestOrganization.CreateAsync(host);
        using var owner = await AdminKeys.ClientAsync(host, org, "owner");
        var members = $"{AdminKeys.Base(org)}/members";

        var invited = await owner.PostAsJsonAsync(members, new { handle = "Nora", displayName = "Nora New", email = "nora@example.com", role = "member" });
        Assert.Equal(HttpStatusCode.Created, invited.StatusCode);
        var id = (await invited.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Conflict, (await owner.PostAsJsonAsync(members, new { handle = "nora", displayName = "Again", role = "member" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await owner.PostAsJsonAsync(members, new { handle = "1 bad", displayName = "x", role = "member" })).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await owner.PutAsJsonAsync($"{members}/{id}/role", new { role = "admin" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await owner.PostAsJsonAsync($"{members}/{id}/deactivate", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.PostAsJsonAsync($"{members}/{Guid.NewGuid()}/deactivate", new { })).StatusCode);

        var nora = await owner.GetFromJsonAsync<JsonElement>($"{members}/{id}");
        Assert.Equal(("nora", "admin", false), (nora.GetProperty("handle").GetString(), nora.GetProperty("role").GetString(), nora.GetProperty("isActive").GetBoolean()));
    }

    [Fact]
    public async Task AnAdminCannotInviteAnOwner()
    {
        var org = await TestOrganization.CreateAsync(host);
        using var admin = await AdminKeys.ClientAsync(host, org, "admin");

        var response = await admin.PostAsJsonAsync($"{AdminKeys.Base(org)}/members", new { handle = "boss", displayName = "Boss", role = "owner" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task ChannelIdentitiesAreLinkedAndUnlinked()
    {
        var org = await TestOrganization.CreateAsync(host);
        using var admin = await AdminKeys.ClientAsync(host, org, "admin");
        var identities = $"{AdminKeys.Base(org)}/members/{org.Members["member"]}/identities";

        var linked = await admin.PostAsJsonAsync(identities, new { channel = "slack", externalId = $"U{Guid.NewGuid():N}" });
        Assert.Equal(HttpStatusCode.Created, linked.StatusCode);
        var id = (await linked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal(2, (await admin.GetFromJsonAsync<JsonElement>(identities)).GetArrayLength());
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsJsonAsync(identities, new { channel = "fax", externalId = "1" })).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"{identities}/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync($"{identities}/{id}")).StatusCode);
    }

    [Fact]
    public async Task AWebChatSiteSecretIsShownOnceAndRotatedOnDemand()
    {
        var org = await TestOrganization.CreateAsync(host);
        using var admin = await AdminKeys.ClientAsync(host, org, "admin");
        var installations = $"{AdminKeys.Base(org)}/installations";
        var siteId = $"site-{Guid.NewGuid():N}"[..20];

        var created = await (await admin.PostAsJsonAsync(installations, new { channel = "webchat", externalId = siteId, displayName = "Shop" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var secret = created.GetProperty("secret").GetString()!;
        var site = created.GetProperty("externalId").GetString()!;
        Assert.StartsWith(siteId + "-", site);
        Assert.StartsWith(site + ".", secret);
        Assert.Equal("verified", created.GetProperty("state").GetString());
        var id = created.GetProperty("id").GetGuid();
        Assert.All((await admin.GetFromJsonAsync<JsonElement>(installations)).EnumerateArray(), i => Assert.Equal(JsonValueKind.Null, i.GetProperty("secret").ValueKind));

        var rotated = await (await admin.PostAsync($"{installations}/sites/{id}/rotate-secret", null)).Content.ReadFromJsonAsync<JsonElement>();
        var newSecret = rotated.GetProperty("secret").GetString()!;

        Assert.NotEqual(secret, newSecret);
        var hash = await host.InOrganizationAsync(org.Id, db => db.ChannelInstallations.Where(i => i.Id == id).Select(i => i.SecretHash).SingleAsync());
        Assert.True(SecretBox.Matches(newSecret, hash));
        Assert.False(SecretBox.Matches(secret, hash));
        // The same name again is another site: ids get a random suffix, so nobody learns which names are taken.
        var again = await (await admin.PostAsJsonAsync(installations, new { channel = "webchat", externalId = siteId })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.NotEqual(site, again.GetProperty("externalId").GetString());
    }

    [Fact]
    public async Task ChannelTokensAreStoredEncryptedAndNeverReturned()
    {
        var org = await TestOrganization.CreateAsync(host);
        using var admin = await AdminKeys.ClientAsync(host, org, "admin");
        var installations = $"{AdminKeys.Base(org)}/installations";

        var created = await admin.PostAsJsonAsync(installations, new { channel = "slack", externalId = $"T{Guid.NewGuid():N}"[..12].ToUpperInvariant(), secret = "xoxb-123" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync(installations, new { channel = "msteams", externalId = Guid.NewGuid().ToString() })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync(installations, new { channel = "twilio", externalId = PhoneCall.RandomNumber() })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsJsonAsync(installations, new { channel = "pager", externalId = "1" })).StatusCode);

        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(JsonValueKind.Null, body.GetProperty("secret").ValueKind);
        var cipher = await host.InOrganizationAsync(org.Id, db => db.ChannelInstallations.Where(i => i.Channel == "slack").Select(i => i.SecretCipher).SingleAsync());
        Assert.Equal("xoxb-123", host.Services.GetService(typeof(SecretBox)) is SecretBox box ? box.Decrypt(cipher!) : "");
        var id = body.GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"{installations}/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync($"{installations}/sites/{id}/rotate-secret", null)).StatusCode);
    }

    [Fact]
    public async Task AnApprovalIsDecidedThroughTheApiExactlyOnce()
    {
        var org = await TestOrganization.CreateAsync(host);
        using var member = await Chat.StartAsync(host, org, "member");
        await member.Send("open a ticket: broken chair");
        await member.ExpectReply("#1");
        await member.Send("delete ticket 1");
        await member.ExpectReply("approval");
        using var admin = await AdminKeys.ClientAsync(host, org, "admin");
        var approvals = $"{AdminKeys.Base(org)}/approvals";

        var pending = await admin.GetFromJsonAsync<JsonElement>($"{approvals}?status=pending");
        var id = pending.EnumerateArray().Single().GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync($"{approvals}?status=maybe")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsJsonAsync($"{approvals}/{id}/decision", new { })).StatusCode);

        var decisions = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => admin.PostAsJsonAsync($"{approvals}/{id}/decision", new { approve = true })));

        Assert.Single(decisions, d => d.StatusCode == HttpStatusCode.OK);
        Assert.All(decisions.Where(d => d.StatusCode != HttpStatusCode.OK), d => Assert.Equal(HttpStatusCode.Conflict, d.StatusCode));
        var approval = await admin.GetFromJsonAsync<JsonElement>($"{approvals}/{id}");
        Assert.Equal("executed", approval.GetProperty("status").GetString());
        Assert.Equal(0, await host.InOrganizationAsync(org.Id, db => db.Tickets.CountAsync()));
        Assert.Equal(1, await host.InOrganizationAsync(org.Id, db => db.AuditEvents.CountAsync(e => e.Kind == "approved_tool_call" && e.Outcome == "ok")));
        await member.ExpectReply("approved by");
    }

    [Fact]
    public async Task TheAuditLogFiltersPagesByCursorAndExportsCsv()
    {
        var org = await TestOrganization.CreateAsync(host);
        var start = DateTimeOffset.UtcNow.AddMinutes(-1);
        await host.InOrganizationAsync(org.Id, async db =>
        {
            for (var i = 0; i < 5; i++)
            {
                db.AuditEvents.Add(new AuditEvent
                {
                    OrganizationId = org.Id, MemberId = org.Members["member"], Kind = "tool_call", Tool = i % 2 == 0 ? "create_ticket" : "list_tickets",
                    Outcome = "ok", Arguments = "{\"title\":\"=cmd, \\\"x\\\"\"}", CreatedAt = DateTimeOffset.UtcNow,
                });
            }
            return await db.SaveChangesAsync();
        });
        using var viewer = await AdminKeys.ClientAsync(host, org, "viewer");
        var audit = $"{AdminKeys.Base(org)}/audit?memberId={org.Members["member"]}&kind=tool_call&from={Uri.EscapeDataString(start.ToString("O"))}";

        var first = await viewer.GetFromJsonAsync<JsonElement>($"{audit}&limit=2");
        var second = await viewer.GetFromJsonAsync<JsonElement>($"{audit}&limit=2&after={first.GetProperty("nextCursor").GetInt64()}");
        var third = await viewer.GetFromJsonAsync<JsonElement>($"{audit}&limit=2&after={second.GetProperty("nextCursor").GetInt64()}");
        var ids = new[] { first, second, third }.SelectMany(p => p.GetProperty("items").EnumerateArray()).Select(e => e.GetProperty("id").GetInt64()).ToList();
        Assert.Equal(5, ids.Distinct().Count());
        Assert.Equal(JsonValueKind.Null, third.GetProperty("nextCursor").ValueKind);
        var created = await viewer.GetFromJsonAsync<JsonElement>($"{audit}&tool=create_ticket");
        Assert.Equal(3, created.GetProperty("items").GetArrayLength());
        Assert.Equal(HttpStatusCode.BadRequest, (await viewer.GetAsync($"{audit}&limit=0")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await viewer.GetAsync($"{AdminKeys.Base(org)}/audit?from=yesterday")).StatusCode);

        var csv = await viewer.GetAsync($"{audit.Replace("/audit?", "/audit/export?", StringComparison.Ordinal)}");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).TrimEnd('\n').Split('\n');
        Assert.Equal(6, lines.Length);
        Assert.StartsWith("id,created_at,member_id", lines[0]);
        Assert.Contains("\"\"title\"\"", lines[1]);
        Assert.Equal("'=SUM(A1)", OperatorOne.AdminApi.Audit.AuditEndpoints.Field("=SUM(A1)"));
        Assert.Equal("\"a,\"\"b\"\"\"", OperatorOne.AdminApi.Audit.AuditEndpoints.Field("a,\"b\""));
    }
}
