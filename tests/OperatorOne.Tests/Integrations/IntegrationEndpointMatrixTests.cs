using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ModelContextProtocol.Protocol;
using OperatorOne.Tests.AdminApi;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.Integrations;

/// <summary>
/// The rest of the bad-input matrix for the integration endpoints: changes (PATCH) with bad values, replay, rotate and
/// test against ids that name nothing, belong elsewhere or are paused, and /mcp with malformed HTTP and JSON-RPC.
/// </summary>
[Collection(IntegrationsCollection.Name)]
public sealed class IntegrationEndpointMatrixTests(IntegrationsFixture fixture)
{
    private const string RpcList = """{"jsonrpc":"2.0","id":1,"method":"tools/list"}""";

    private BotHost Host => fixture.Host;

    [Theory]
    [InlineData("custom-tools", """{"tier": "dangerous"}""", "tier")]
    [InlineData("custom-tools", """{"minimumRole": "emperor"}""", "minimumRole")]
    [InlineData("custom-tools", """{"method": "TRACE"}""", "method")]
    [InlineData("custom-tools", """{"timeoutSeconds": 0}""", "timeoutSeconds")]
    [InlineData("custom-tools", """{"enabled": "yes"}""", "enabled")]
    [InlineData("custom-tools", """{"url": "http://10.0.0.1/orders/{id}"}""", "private")]
    [InlineData("custom-tools", """{"parameters": {"type": "object", "properties": {"id": {"type": "date"}}}}""", "parameters")]
    [InlineData("custom-tools", """{"headers": {"Bad Name": "x"}}""", "headers")]
    [InlineData("custom-tools", """{"phrasings": "where is {id}"}""", "phrasings")]
    [InlineData("webhooks", """{"events": ["ticket.exploded"]}""", "ticket.exploded")]
    [InlineData("webhooks", """{"events": ["ping"]}""", "events")]
    [InlineData("webhooks", """{"active": "no"}""", "active")]
    [InlineData("webhooks", """{"url": "ftp://hooks.example.com/x"}""", "url")]
    [InlineData("webhooks", """{"url": "http://169.254.169.254/latest"}""", "link-local")]
    public async Task AChangeWithABadValueIsABadRequestThatNamesItAndChangesNothing(string resource, string json, string named)
    {
        var org = await TestOrganization.CreateAsync(Host);
        using var admin = await AdminKeys.ClientAsync(Host, org, "admin");
        var id = await CreateAsync(admin, org, resource);
        var before = await admin.GetStringAsync($"{AdminKeys.Base(org)}/{resource}/{id}");

        using var response = await admin.PatchAsync($"{AdminKeys.Base(org)}/{resource}/{id}", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(named, await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before, await admin.GetStringAsync($"{AdminKeys.Base(org)}/{resource}/{id}"));
    }

    [Fact]
    public async Task ReplayRotateAndTestRefuseIdsThatNameNothingBelongElsewhereOrArePaused()
    {
        var org = await TestOrganization.CreateAsync(Host);
        using var admin = await AdminKeys.ClientAsync(Host, org, "admin");
        var first = await CreateAsync(admin, org, "webhooks");
        var second = await CreateAsync(admin, org, "webhooks");
        using var ping = await admin.PostAsync($"{AdminKeys.Base(org)}/webhooks/{first}/test", null);
        Assert.Equal(HttpStatusCode.Accepted, ping.StatusCode);
        var delivery = JsonNode.Parse(await ping.Content.ReadAsStringAsync())!["id"]!.GetValue<long>();
        var hooks = $"{AdminKeys.Base(org)}/webhooks";
        var nobody = Guid.NewGuid();

        var answers = new Dictionary<string, HttpStatusCode>();
        async Task Post(string what, string url)
        {
            using var response = await admin.PostAsync(url, null);
            answers[what] = response.StatusCode;
        }
        await Post("another subscription's delivery", $"{hooks}/{second}/deliveries/{delivery}/replay");
        await Post("a negative delivery id", $"{hooks}/{first}/deliveries/-1/replay");
        await Post("a delivery id past a long", $"{hooks}/{first}/deliveries/99999999999999999999/replay");
        await Post("a delivery id that is no number", $"{hooks}/{first}/deliveries/latest/replay");
        await Post("an unknown subscription's replay", $"{hooks}/{nobody}/deliveries/{delivery}/replay");
        await Post("an unknown subscription's rotation", $"{hooks}/{nobody}/rotate-secret");
        await Post("an unknown subscription's test", $"{hooks}/{nobody}/test");
        await Post("an unknown tool's rotation", $"{AdminKeys.Base(org)}/custom-tools/{nobody}/rotate-secret");
        using (var pause = await admin.PatchAsJsonAsync($"{hooks}/{first}", new { active = false }))
        {
            Assert.Equal(HttpStatusCode.OK, pause.StatusCode);
        }
        await Post("a replay on a paused subscription", $"{hooks}/{first}/deliveries/{delivery}/replay");
        await Post("a test on a paused subscription", $"{hooks}/{first}/test");

        Assert.All(answers.Where(a => !a.Key.Contains("paused", StringComparison.Ordinal)), a => Assert.True(a.Value == HttpStatusCode.NotFound, $"{a.Key}: {a.Value}"));
        Assert.Equal(HttpStatusCode.Conflict, answers["a replay on a paused subscription"]);
        Assert.Equal(HttpStatusCode.Conflict, answers["a test on a paused subscription"]);
    }

    [Fact]
    public async Task McpAnswersMalformedHttpWithAClientError()
    {
        var org = await TestOrganization.CreateAsync(Host);
        var (_, key) = await AdminKeys.IssueAsync(Host, org, "admin");
        using var http = Host.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);

        var cases = new Dictionary<string, HttpRequestMessage>
        {
            ["plain text"] = Rpc(RpcList, "text/plain"),
            ["no Accept"] = Rpc(RpcList, accept: null),
            ["not JSON"] = Rpc("{not json"),
            ["a JSON string"] = Rpc("\"tools/list\""),
            ["not JSON-RPC"] = Rpc("""{"method": 7}"""),
            ["an empty body"] = Rpc(""),
            ["a PUT"] = new(HttpMethod.Put, "/mcp") { Content = new StringContent(RpcList, Encoding.UTF8, "application/json") },
        };

        foreach (var (what, request) in cases)
        {
            using (request)
            using (var response = await http.SendAsync(request))
            {
                Assert.True((int)response.StatusCode is >= 400 and < 500, $"{what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
        }
    }

    [Fact]
    public async Task McpAnswersBadToolCallsWithAReasonAndChangesNothing()
    {
        var org = await TestOrganization.CreateAsync(Host);
        var (_, key) = await AdminKeys.IssueAsync(Host, org, "member");
        await using var client = await McpClients.ConnectAsync(Host, key);

        var unknown = await client.CallToolAsync("launch_rockets", new Dictionary<string, object?>());
        var missing = await client.CallToolAsync("show_ticket", new Dictionary<string, object?>());
        var wrongType = await client.CallToolAsync("show_ticket", new Dictionary<string, object?> { ["number"] = "the big one" });
        var nested = await client.CallToolAsync("create_ticket", new Dictionary<string, object?> { ["title"] = new { evil = true } });

        Assert.True(unknown.IsError);
        Assert.Contains("no tool called 'launch_rockets'", Text(unknown));
        foreach (var (what, result) in new[] { ("missing", missing), ("wrong type", wrongType), ("nested", nested) })
        {
            Assert.True(result.IsError == true, $"{what}: {Text(result)}");
            Assert.False(string.IsNullOrWhiteSpace(Text(result)), what);
        }
        Assert.False(await Host.InOrganizationAsync(org.Id, db => db.Tickets.AnyAsync()));
    }

    private async Task<Guid> CreateAsync(HttpClient admin, TestOrganization org, string resource)
    {
        object body = resource == "webhooks"
            ? new { url = fixture.Receiver.Url($"/matrix-{Guid.NewGuid():N}"), events = new[] { "ticket.created" } }
            : new { name = "order_status", description = "Look up an order", url = fixture.Receiver.Url("/matrix/") + "{id}" };
        using var response = await admin.PostAsJsonAsync($"{AdminKeys.Base(org)}/{resource}", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!.GetValue<Guid>();
    }

    private static HttpRequestMessage Rpc(string body, string contentType = "application/json", string? accept = "application/json, text/event-stream")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/mcp") { Content = new StringContent(body, Encoding.UTF8, contentType) };
        if (accept is not null)
        {
            request.Headers.Accept.ParseAdd(accept);
        }
        return request;
    }

    private static string Text(CallToolResult result) => McpClients.Text(result);
}
