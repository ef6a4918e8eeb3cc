using System.Net;
using System.Text.Json.Nodes;
using OperatorOne.Tests.AdminApi;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.Integrations;

/// <summary>
/// The README's worked example, run as written: its curl calls, the order system's answer, the chat, the requests the
/// order system and the n8n-style receiver get, its signature check (the README's own JavaScript, in node), the
/// delivery log and replay, and its MCP client settings. A change to either side fails here.
/// </summary>
[Collection(IntegrationsCollection.Name)]
public sealed class IntegrationsReadmeTests(IntegrationsFixture fixture)
{
    private BotHost Host => fixture.Host;
    private LocalReceiver Receiver => fixture.Receiver;

    [Fact]
    public async Task TheReadmesWorkedExampleRunsAsWritten()
    {
        var org = await TestOrganization.CreateAsync(Host);
        var (_, key) = await AdminKeys.IssueAsync(Host, org, "admin");
        var run = Guid.NewGuid().ToString("N");
        var readme = ReadmeIntegrationExample.Load();
        readme.Values["BOT"] = Host.BaseAddress.ToString().TrimEnd('/');
        readme.Values["ORG"] = org.Id.ToString();
        readme.Values["OP1_KEY"] = key;
        readme.Values["ORDERS"] = Receiver.Url($"/shop-{run}").ToString();
        readme.Values["N8N"] = Receiver.Url($"/n8n-{run}").ToString();
        Receiver.Answers[$"/shop-{run}/orders/"] = _ => new ReceiverAnswer(200, readme.Code("order-answer"));
        using var http = Host.CreateClient();

        // 1 and 2: the tool and the subscription, each with its secret in the answer.
        var tool = await CreatedAsync(http, readme.Curl("create-tool"));
        var hook = await CreatedAsync(http, readme.Curl("subscribe"));
        readme.Values["HOOK"] = hook["id"]!.GetValue<string>();

        // 3: the chat, line by line.
        using var mia = await Chat.StartAsync(Host, org, "member");
        foreach (var (speaker, text) in readme.Chat())
        {
            if (speaker == "Bot")
            {
                await mia.ExpectReply(text);
            }
            else
            {
                await mia.Send(text);
            }
        }

        // 4: the order system's request: the line and every header the README shows, signed with the tool's secret.
        var toolRequest = (await Receiver.WaitForAsync($"/shop-{run}/orders/")).Single();
        var shownCall = readme.Http("tool-request");
        Assert.Equal(shownCall.RequestLine.Split(' ')[0], toolRequest.Method);
        Assert.Equal($"/shop-{run}" + shownCall.RequestLine.Split(' ')[1], toolRequest.PathAndQuery);
        Assert.All(shownCall.Headers, name => Assert.False(toolRequest.Header(name) is null, $"the order system got no {name}"));
        Assert.Equal("Bearer shop-api-key-123", toolRequest.Header("Authorization"));
        Assert.Equal("order_status", toolRequest.Header("X-OperatorOne-Tool"));

        // 5: the n8n receiver's delivery: the README's headers, and a body of the README's shape.
        var delivery = (await Receiver.WaitForAsync($"/n8n-{run}/webhook/operatorone")).Single();
        var shownDelivery = readme.Http("delivery");
        Assert.Equal("POST", delivery.Method);
        Assert.All(shownDelivery.Headers, name => Assert.False(delivery.Header(name) is null, $"n8n got no {name}"));
        Assert.Equal("ticket.created", delivery.Header("X-OperatorOne-Event"));
        Assert.Equal(ReadmeIntegrationExample.Shape(JsonNode.Parse(shownDelivery.Body)), ReadmeIntegrationExample.Shape(JsonNode.Parse(delivery.Text)));

        // 6: the README's verify snippet accepts both genuine requests and refuses a changed body or another secret.
        var toolSecret = tool["signingSecret"]!.GetValue<string>();
        var hookSecret = hook["signingSecret"]!.GetValue<string>();
        var verdicts = await readme.VerifyWithSnippetAsync(
            (toolSecret, toolRequest.Header("X-OperatorOne-Signature"), toolRequest.Body),
            (hookSecret, delivery.Header("X-OperatorOne-Signature"), delivery.Body),
            (hookSecret, delivery.Header("X-OperatorOne-Signature"), [.. delivery.Body, (byte)' ']),
            (toolSecret, delivery.Header("X-OperatorOne-Signature"), delivery.Body),
            (hookSecret, null, delivery.Body));
        Assert.Equal([true, true, false, false, false], verdicts);
        Assert.True(Signatures.Verify(delivery.Header("X-OperatorOne-Signature"), hookSecret, delivery.Body));

        // 7: the delivery log in the README's shape, and a replay of its delivery.
        var log = await SentLogAsync(http, readme.Curl("deliveries"));
        Assert.Equal(ReadmeIntegrationExample.Shape(readme.Json("delivery-log")[0]), ReadmeIntegrationExample.Shape(log[0]));
        Assert.Equal(("ticket.created", "HTTP 200"), (log[0]!["eventType"]!.GetValue<string>(), log[0]!["answer"]!.GetValue<string>()));
        readme.Values["DELIVERY"] = log[0]!["id"]!.ToJsonString();
        using (var replay = await http.SendAsync(readme.Curl("replay").Request()))
        {
            Assert.Equal(HttpStatusCode.Accepted, replay.StatusCode);
        }
        var again = (await Receiver.WaitForAsync($"/n8n-{run}/webhook/operatorone", 2))[1];
        Assert.Equal(delivery.Header("X-OperatorOne-Event-Id"), again.Header("X-OperatorOne-Event-Id"));
        Assert.NotEqual(delivery.Header("X-OperatorOne-Delivery"), again.Header("X-OperatorOne-Delivery"));
        Assert.Equal([true], await readme.VerifyWithSnippetAsync((hookSecret, again.Header("X-OperatorOne-Signature"), again.Body)));

        // 8: the MCP client settings: the tool is listed and answers as in chat.
        var server = readme.Json("mcp-client")["servers"]!["operatorone"]!;
        await using var mcp = await McpClients.ConnectAsync(new Uri(server["url"]!.GetValue<string>()),
            server["headers"]!.AsObject().ToDictionary(h => h.Key, h => h.Value!.GetValue<string>()));
        Assert.Contains("order_status", (await mcp.ListToolsAsync()).Select(t => t.Name));
        var answer = await mcp.CallToolAsync("order_status", new Dictionary<string, object?> { ["order_id"] = "1042" });
        Assert.Equal(readme.Chat()[1].Text, McpClients.Text(answer));
    }

    private static async Task<JsonObject> CreatedAsync(HttpClient http, ReadmeCurl curl)
    {
        using var response = await http.SendAsync(curl.Request());
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{curl.Method} {curl.Path}: {(int)response.StatusCode} {body}");
        var created = JsonNode.Parse(body)!.AsObject();
        Assert.StartsWith("whsec_", created["signingSecret"]!.GetValue<string>(), StringComparison.Ordinal);
        return created;
    }

    /// <summary>The delivery log once its newest delivery is recorded sent (the outbox records it after the receiver answers).</summary>
    private static async Task<JsonArray> SentLogAsync(HttpClient http, ReadmeCurl curl)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            using var response = await http.SendAsync(curl.Request());
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var log = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();
            if (log.Count > 0 && log[0]!["status"]!.GetValue<string>() == "sent")
            {
                return log;
            }
            Assert.True(DateTime.UtcNow < deadline, $"The delivery was never recorded sent: {log.ToJsonString()}");
            await Task.Delay(50);
        }
    }
}
