using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using OperatorOne.Tests.AdminApi;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.Integrations;

/// <summary>
/// The custom-tool and webhook endpoints with bad input (the shared admin matrix already walks them unauthenticated,
/// revoked, foreign, under-privileged and with malformed JSON): each answer is a 4xx naming what is wrong.
/// </summary>
[Collection(IntegrationsCollection.Name)]
public sealed class IntegrationEndpointInputTests(IntegrationsFixture fixture)
{
    private BotHost Host => fixture.Host;

    [Theory]
    [InlineData("/custom-tools", """{"name": "order_status", "description": "Look up", "url": "https://shop.example.com/{id}", "timeoutSeconds": "soon"}""", "'timeoutSeconds'")]
    [InlineData("/custom-tools", """{"name": "order_status", "description": "Look up", "url": "https://shop.example.com/{id}", "parameters": "id"}""", "'parameters'")]
    [InlineData("/custom-tools", """{"name": "Order Status!", "description": "Look up", "url": "https://shop.example.com/"}""", "name")]
    [InlineData("/custom-tools", """{"name": "order_status", "description": "Look up", "url": "https://shop.example.com/", "phrasings": ["where is {order}"]}""", "phrasings")]
    [InlineData("/custom-tools", """{"name": "order_status", "description": "Look up", "url": "https://shop.example.com/", "headers": {"X-Key": "a\r\nInjected: 1"}}""", "headers")]
    [InlineData("/custom-tools", """{"name": "order_status", "description": "Look up", "url": "https://shop.example.com/", "response": {"html": "<b>"}}""", "response")]
    [InlineData("/webhooks", """{"url": "https://hooks.example.com/x", "events": ["ticket.exploded"]}""", "ticket.exploded")]
    [InlineData("/webhooks", """{"url": "https://hooks.example.com/x", "events": []}""", "at least one event")]
    [InlineData("/webhooks", """{"url": "not a url", "events": ["ticket.created"]}""", "url")]
    [InlineData("/webhooks", """{"url": "http://192.168.0.10/hook", "events": ["ticket.created"]}""", "private")]
    [InlineData("/webhooks", """{"url": "https://hooks.example.com/x", "events": "ticket.created"}""", "'events'")]
    public async Task ABadDefinitionIsABadRequestThatNamesTheProblem(string path, string json, string named)
    {
        var org = await TestOrganization.CreateAsync(Host);
        using var admin = await AdminKeys.ClientAsync(Host, org, "admin");

        using var response = await admin.PostAsync(AdminKeys.Base(org) + path, new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(named, await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task BadQueriesUnknownDeliveriesOversizedBodiesAndAnotherOrganizationsIdsAreRefused()
    {
        var org = await TestOrganization.CreateAsync(Host);
        var other = await TestOrganization.CreateAsync(Host);
        using var admin = await AdminKeys.ClientAsync(Host, org, "admin");
        using var otherAdmin = await AdminKeys.ClientAsync(Host, other, "admin");
        var created = await admin.PostAsJsonAsync($"{AdminKeys.Base(org)}/webhooks", new { url = fixture.Receiver.Url("/input-tests"), events = new[] { "lead.moved" } });
        var hook = JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!.GetValue<Guid>();
        var tool = JsonNode.Parse(await (await admin.PostAsJsonAsync($"{AdminKeys.Base(org)}/custom-tools",
            new { name = "order_status", description = "Look up", url = fixture.Receiver.Url("/input-tests/") + "{id}" })).Content.ReadAsStringAsync())!["id"]!.GetValue<Guid>();

        using var badLimit = await admin.GetAsync($"{AdminKeys.Base(org)}/webhooks/{hook}/deliveries?limit=many");
        using var badStatus = await admin.GetAsync($"{AdminKeys.Base(org)}/webhooks/{hook}/deliveries?status=lost");
        using var unknown = await admin.PostAsync($"{AdminKeys.Base(org)}/webhooks/{hook}/deliveries/999999999/replay", null);
        using var huge = await admin.PatchAsJsonAsync($"{AdminKeys.Base(org)}/custom-tools/{tool}", new { description = new string('x', 300_000) });
        using var foreignTool = await otherAdmin.PatchAsJsonAsync($"{AdminKeys.Base(other)}/custom-tools/{tool}", new { description = "mine now" });
        using var foreignHook = await otherAdmin.GetAsync($"{AdminKeys.Base(other)}/webhooks/{hook}/deliveries");
        using var duplicate = await admin.PostAsJsonAsync($"{AdminKeys.Base(org)}/custom-tools", new { name = "order_status", description = "Again", url = fixture.Receiver.Url("/input-tests/") + "{id}" });

        Assert.Equal(HttpStatusCode.BadRequest, badLimit.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badStatus.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, foreignTool.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, foreignHook.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
    }
}
