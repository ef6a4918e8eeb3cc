using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using OperatorOne.Data.Approvals;
using OperatorOne.Tests.AdminApi;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.Integrations;

/// <summary>/mcp through the official C# MCP client (Streamable HTTP), as an AI client would use it with an admin API key.</summary>
[Collection(IntegrationsCollection.Name)]
public sealed class McpServerTests(IntegrationsFixture fixture)
{
    private BotHost Host => fixture.Host;

    [Fact]
    public async Task AViewerSeesOnlyWhatTheirRoleAllowsAndAnAdminSeesMoreIncludingCustomTools()
    {
        var org = await TestOrganization.CreateAsync(Host);
        await new CustomToolTests(fixture).CreateToolAsync(org, new JsonObject
        {
            ["name"] = "order_status", ["description"] = "Look up an order", ["url"] = fixture.Receiver.Url("/mcp-orders/") + "{order_id}",
        });
        await using var viewer = await ConnectAsync(org, "viewer");
        await using var admin = await ConnectAsync(org, "admin");

        var viewerTools = (await viewer.ListToolsAsync()).Select(t => t.Name).ToList();
        var adminTools = (await admin.ListToolsAsync()).Select(t => t.Name).ToList();

        Assert.Contains("show_ticket", viewerTools);
        Assert.DoesNotContain("create_ticket", viewerTools);
        Assert.DoesNotContain("order_status", viewerTools);
        Assert.DoesNotContain("change_member_role", viewerTools);
        Assert.Contains("create_ticket", adminTools);
        Assert.Contains("change_member_role", adminTools);
        Assert.Contains("order_status", adminTools);
        Assert.DoesNotContain("set_voice_pin", adminTools);
    }

    [Fact]
    public async Task AReadToolAnswersAndARiskyToolOnlyRequestsApproval()
    {
        var org = await TestOrganization.CreateAsync(Host);
        await using var member = await ConnectAsync(org, "member");

        var created = await member.CallToolAsync("create_ticket", new Dictionary<string, object?> { ["title"] = "Scanner offline" });
        var shown = await member.CallToolAsync("show_ticket", new Dictionary<string, object?> { ["number"] = 1 });
        var deleted = await member.CallToolAsync("delete_ticket", new Dictionary<string, object?> { ["number"] = 1 });

        Assert.NotEqual(true, created.IsError);
        Assert.Contains("Scanner offline", Text(shown));
        Assert.NotEqual(true, deleted.IsError);
        Assert.Matches(@"^Approval #\d+ requested", Text(deleted));
        var state = await Host.InOrganizationAsync(org.Id, async db => (
            Ticket: await db.Tickets.AnyAsync(t => t.Number == 1),
            Approval: await db.ApprovalRequests.SingleAsync(a => a.Tool == "delete_ticket"),
            Audit: await db.AuditEvents.Where(e => e.Kind == "mcp_call").Select(e => e.Tool + ":" + e.Outcome).ToListAsync()));
        Assert.True(state.Ticket);
        Assert.Equal(ApprovalStatus.Pending, state.Approval.Status);
        Assert.Equal(org.Members["member"], state.Approval.RequestedById);
        Assert.Contains("delete_ticket:awaitingapproval", state.Audit);
    }

    [Fact]
    public async Task AViewerCallingAMemberToolIsRefusedAndNothingChanges()
    {
        var org = await TestOrganization.CreateAsync(Host);
        await using var viewer = await ConnectAsync(org, "viewer");

        var result = await viewer.CallToolAsync("create_ticket", new Dictionary<string, object?> { ["title"] = "Sneaky" });

        Assert.True(result.IsError);
        Assert.Contains("needs member or above", Text(result));
        Assert.False(await Host.InOrganizationAsync(org.Id, db => db.Tickets.AnyAsync()));
    }

    [Fact]
    public async Task AForgedARevokedAndAMissingKeyAreRefusedBeforeAnyTool()
    {
        var org = await TestOrganization.CreateAsync(Host);
        var (revokedId, revokedKey) = await AdminKeys.IssueAsync(Host, org, "owner");
        await Host.InOrganizationAsync(org.Id, db => db.ApiKeys.Where(k => k.Id == revokedId).ExecuteUpdateAsync(s => s.SetProperty(k => k.RevokedAt, DateTimeOffset.UtcNow)));
        var forged = revokedKey[..^4] + "AAAA";

        foreach (var key in new[] { forged, revokedKey, $"op1_{Guid.NewGuid():N}_not-a-secret" })
        {
            await Assert.ThrowsAnyAsync<Exception>(async () => await ConnectAsync(key));
        }
        using var http = Host.CreateClient();
        using var unsigned = await http.PostAsync("/mcp", Rpc("""{"jsonrpc":"2.0","id":1,"method":"tools/list"}"""));
        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        Assert.Equal("Bearer", unsigned.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task MalformedAndOversizedRequestsGetAClearClientError()
    {
        var org = await TestOrganization.CreateAsync(Host);
        var (_, key) = await AdminKeys.IssueAsync(Host, org, "admin");
        using var http = Host.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);

        using var malformed = await http.PostAsync("/mcp", Rpc("{not json"));
        using var oversized = await http.PostAsync("/mcp", Rpc("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"create_ticket\",\"arguments\":{\"title\":\"" + new string('x', 300_000) + "\"}}}"));

        Assert.InRange((int)malformed.StatusCode, 400, 499);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, oversized.StatusCode);
        Assert.False(await Host.InOrganizationAsync(org.Id, db => db.Tickets.AnyAsync()));
    }

    private async Task<McpClient> ConnectAsync(TestOrganization org, string handle) => await ConnectAsync((await AdminKeys.IssueAsync(Host, org, handle)).Key);

    private Task<McpClient> ConnectAsync(string key) => McpClients.ConnectAsync(Host, key);

    private static string Text(CallToolResult result) => McpClients.Text(result);

    private static StringContent Rpc(string json) => new(json, Encoding.UTF8, "application/json");
}
