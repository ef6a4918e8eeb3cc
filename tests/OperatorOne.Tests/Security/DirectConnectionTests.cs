using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using OperatorOne.Tests.Infrastructure;
using OperatorOne.Tests.Teams;

namespace OperatorOne.Tests.Security;

/// <summary>
/// Demo sign-in and Teams local-test mode trust nothing but the connection, so they answer only a client on this
/// machine connected directly: any header a proxy adds makes the request a stranger's, whatever the environment.
/// </summary>
[Collection(BotCollection.Name)]
public sealed class DirectConnectionTests(BotHost host)
{
    public static TheoryData<string, string> ProxyHeaders => new()
    {
        { "X-Forwarded-For", "203.0.113.7" },
        { "X-Forwarded-For", "127.0.0.1" },
        { "Forwarded", "for=203.0.113.7;proto=https" },
        { "X-Forwarded-Host", "bot.example.com" },
        { "X-Forwarded-Proto", "https" },
        { "X-Real-IP", "203.0.113.7" },
        { "Via", "1.1 proxy" },
    };

    private async Task<HttpResponseMessage> DemoTokenAsync(string? header = null, string? value = null)
    {
        using var http = host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webchat/demo/token") { Content = JsonContent.Create(new { member = "owner" }) };
        if (header is not null)
        {
            request.Headers.TryAddWithoutValidation(header, value);
        }
        return await http.SendAsync(request);
    }

    [Fact]
    public async Task DemoSignInAnswersADirectLocalClient()
    {
        var response = await DemoTokenAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(ProxyHeaders))]
    public async Task DemoSignInRefusesARequestThatCameThroughAProxy(string header, string value)
    {
        var response = await DemoTokenAsync(header, value);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Contains("proxy", body["error"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(body["token"]);
    }

    [Theory]
    [MemberData(nameof(ProxyHeaders))]
    public async Task TeamsLocalTestModeRefusesAnUnsignedActivityThatCameThroughAProxy(string header, string value)
    {
        var tenant = await TeamsTenant.CreateAsync(host);
        var conversationId = $"a:1{Guid.NewGuid():N}";
        using var http = host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(Message(tenant, conversationId).ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation(header, value);

        var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var conversations = await host.InOrganizationAsync(tenant.Organization.Id,
            db => db.Conversations.CountAsync(c => c.ExternalId == conversationId));
        Assert.Equal(0, conversations);
    }

    private static JsonObject Message(TeamsTenant tenant, string conversationId) => new()
    {
        ["type"] = "message",
        ["id"] = TeamsUser.NewActivityId(),
        ["serviceUrl"] = "http://127.0.0.1:9/",
        ["channelId"] = "msteams",
        ["from"] = new JsonObject { ["id"] = "29:1local", ["name"] = "Olivia", ["aadObjectId"] = tenant.AadObjectIds["owner"] },
        ["recipient"] = new JsonObject { ["id"] = "28:local-bot", ["name"] = "OperatorOne" },
        ["conversation"] = new JsonObject { ["id"] = conversationId, ["conversationType"] = "personal", ["tenantId"] = tenant.TenantId },
        ["text"] = "delete ticket 1",
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = tenant.TenantId } },
    };
}
