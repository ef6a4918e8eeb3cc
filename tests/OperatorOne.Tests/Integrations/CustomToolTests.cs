using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using OperatorOne.Tests.AdminApi;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.Integrations;

/// <summary>A business's own "look up order status" tool, defined through the admin API and used in chat against a local order system.</summary>
[Collection(IntegrationsCollection.Name)]
public sealed class CustomToolTests(IntegrationsFixture fixture)
{
    private BotHost Host => fixture.Host;
    private LocalReceiver Orders => fixture.Receiver;

    [Fact]
    public async Task AMemberLooksUpAnOrderThroughItsPhrasingAndTheCallIsSignedAndAudited()
    {
        var org = await TestOrganization.CreateAsync(Host);
        var path = $"/shop-{Guid.NewGuid():N}/orders/";
        Orders.Answers[path] = r => new ReceiverAnswer(200, """{"id": "1042", "status": "shipped", "eta": "<b>Friday</b>", "carrier": {"name": "DHL"}}""");
        var created = await CreateToolAsync(org, new JsonObject
        {
            ["name"] = "order_status",
            ["description"] = "Look up the status of a customer order",
            ["url"] = Orders.Url(path) + "{order_id}",
            ["parameters"] = Schema(("order_id", "string", "The order number")),
            ["phrasings"] = new JsonArray("where is order {order_id}", "status of order {order_id}"),
            ["headers"] = new JsonObject { ["Authorization"] = "Bearer shop-api-key-123" },
            ["response"] = new JsonObject { ["template"] = "Order {id} is {status}, arriving {eta} with {carrier.name}." },
        });
        var secret = created["signingSecret"]!.GetValue<string>();
        using var chat = await Chat.StartAsync(Host, org, "member");

        await chat.Send("Where is order 1042?");

        await chat.ExpectReply("Order 1042 is shipped, arriving Friday with DHL.");
        var call = (await Orders.WaitForAsync(path)).Single();
        Assert.Equal("GET", call.Method);
        Assert.Equal(path + "1042", call.PathAndQuery);
        Assert.Equal("Bearer shop-api-key-123", call.Header("Authorization"));
        Assert.True(Signatures.Verify(call.Header("X-OperatorOne-Signature"), secret, call.Body));
        Assert.False(Signatures.Verify(call.Header("X-OperatorOne-Signature"), secret, "tampered"u8.ToArray()));
        var audit = await Host.InOrganizationAsync(org.Id, db => db.AuditEvents.AsNoTracking().Where(e => e.Tool == "order_status").ToListAsync());
        Assert.Contains(audit, e => e.Kind == "tool_call" && e.Outcome == "ok" && e.Arguments!.Contains("1042"));
        Assert.Contains(audit, e => e.Kind == "integration_call" && e.Outcome == "ok" && JsonNode.Parse(e.Detail!)!["status"]!.GetValue<int>() == 200);
        Assert.DoesNotContain(audit, e => (e.Arguments + e.Detail).Contains("shop-api-key-123"));
        var stored = await Host.InOrganizationAsync(org.Id, db => db.CustomTools.AsNoTracking().SingleAsync());
        Assert.DoesNotContain("shop-api-key-123", System.Text.Encoding.UTF8.GetString(stored.HeadersCipher!));
        using var admin = await AdminKeys.ClientAsync(Host, org, "admin");
        var shown = await admin.GetStringAsync($"{AdminKeys.Base(org)}/custom-tools/{created["id"]}");
        Assert.Contains("Authorization", shown);
        Assert.DoesNotContain("shop-api-key-123", shown);
        Assert.DoesNotContain(secret, shown);
    }

    [Fact]
    public async Task AViewerIsRefusedAMemberToolAndHelpShowsItOnlyToMembers()
    {
        var org = await TestOrganization.CreateAsync(Host);
        var path = $"/shop-{Guid.NewGuid():N}/orders/";
        await CreateToolAsync(org, new JsonObject
        {
            ["name"] = "order_status", ["description"] = "Look up an order", ["url"] = Orders.Url(path) + "{order_id}",
            ["phrasings"] = new JsonArray("where is order {order_id}"),
        });
        using var viewer = await Chat.StartAsync(Host, org, "viewer");
        using var member = await Chat.StartAsync(Host, org, "member");

        await viewer.Send("where is order 7");
        await viewer.ExpectReply("that needs member or above");
        await viewer.Send("help");
        var viewerHelp = await viewer.ExpectReply("Here's what you can ask me");
        await member.Send("help");
        var memberHelp = await member.ExpectReply("Here's what you can ask me");

        Assert.Empty(Orders.To(path));
        Assert.DoesNotContain("where is order [order id]", viewerHelp["text"]!.GetValue<string>());
        Assert.Contains("where is order [order id]", memberHelp["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task ARiskyCustomToolBecomesAnApprovalAndRunsOnceWhenApproved()
    {
        var org = await TestOrganization.CreateAsync(Host);
        var path = $"/shop-{Guid.NewGuid():N}/refunds";
        Orders.Answers[path] = r => new ReceiverAnswer(201, """{"refund": "R-9", "state": "queued"}""");
        await CreateToolAsync(org, new JsonObject
        {
            ["name"] = "refund_order", ["description"] = "Refund a customer order", ["method"] = "POST", ["url"] = Orders.Url(path).ToString(),
            ["parameters"] = Schema(("order_id", "string", "The order number"), ("amount", "number", "How much to refund")),
            ["tier"] = "riskyWrite",
            ["phrasings"] = new JsonArray("refund {amount} on order {order_id}"),
        });
        using var member = await Chat.StartAsync(Host, org, "member");
        using var admin = await Chat.StartAsync(Host, org, "admin");
        await admin.Send("hi");
        await admin.ExpectReply("Hi Ada");

        await member.Send("refund 25.50 on order 1042");
        await member.ExpectReply("needs approval");
        var card = await admin.ExpectCard("Refund a customer order");
        Assert.Empty(Orders.To(path));
        await admin.Submit(ApprovalCard.Data(card, "approve"));
        await admin.ExpectReply("Approved");
        await member.ExpectReply("was approved");

        var refund = (await Orders.WaitForAsync(path)).Single();
        Assert.Equal("POST", refund.Method);
        var body = JsonNode.Parse(refund.Text)!;
        Assert.Equal("1042", body["order_id"]!.GetValue<string>());
        Assert.Equal(25.50m, body["amount"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task AFailingSlowHugeRedirectingOrHtmlEndpointGetsAClearReplyNeverAnError()
    {
        var org = await TestOrganization.CreateAsync(Host);
        var path = $"/shop-{Guid.NewGuid():N}/";
        Orders.Answers[path + "broken"] = _ => new ReceiverAnswer(500, "<html><body><h1>Internal Server Error</h1></body></html>", "text/html");
        Orders.Answers[path + "slow"] = _ => new ReceiverAnswer(200, "{}") { Delay = TimeSpan.FromSeconds(4) };
        Orders.Answers[path + "huge"] = _ => new ReceiverAnswer(200, new string('x', 200_000), "text/plain");
        Orders.Answers[path + "moved"] = _ => new ReceiverAnswer(302, "", "text/plain", new Dictionary<string, string> { ["Location"] = Orders.Url(path + "elsewhere").ToString() });
        Orders.Answers[path + "html"] = _ => new ReceiverAnswer(200, "<p>Stock: <b>12</b></p><script>alert('x')</script>&lt;img src=x onerror=alert(1)&gt;", "text/html");
        foreach (var (name, timeout) in new[] { ("broken", 5), ("slow", 1), ("huge", 5), ("moved", 5), ("html", 5) })
        {
            await CreateToolAsync(org, new JsonObject
            {
                ["name"] = $"check_{name}", ["description"] = $"Check {name}", ["url"] = Orders.Url(path + name).ToString(),
                ["timeoutSeconds"] = timeout, ["phrasings"] = new JsonArray($"check {name}"),
            });
        }
        using var chat = await Chat.StartAsync(Host, org, "member");

        await chat.Send("check broken");
        var broken = await chat.ExpectReply("answered check_broken with 500");
        await chat.Send("check slow");
        await chat.ExpectReply("did not answer check_slow in time");
        await chat.Send("check huge");
        await chat.ExpectReply("more than 64 KB");
        await chat.Send("check moved");
        await chat.ExpectReply("redirect (302), which I don't follow");
        await chat.Send("check html");
        var html = await chat.ExpectReply("Stock: 12");

        Assert.DoesNotContain("<", broken["text"]!.GetValue<string>());
        Assert.DoesNotContain("<", html["text"]!.GetValue<string>());
        Assert.DoesNotContain("alert('x')", html["text"]!.GetValue<string>());
        Assert.Empty(Orders.To(path + "elsewhere"));
        var outcomes = await Host.InOrganizationAsync(org.Id, db => db.AuditEvents.AsNoTracking()
            .Where(e => e.Kind == "integration_call").Select(e => e.Tool + ":" + e.Outcome).ToListAsync());
        Assert.Contains("check_slow:timedout", outcomes);
        Assert.Contains("check_broken:failed", outcomes);
    }

    [Fact]
    public async Task AnAdminConnectsAToolInChatAnotherAdminApprovesAndMembersReachItByItsPhrasing()
    {
        var org = await TestOrganization.CreateAsync(Host);
        var path = $"/stock-{Guid.NewGuid():N}/";
        Orders.Answers[path] = r => new ReceiverAnswer(200, """{"sku": "LAMP-1", "in_stock": 12}""");
        using var ada = await Chat.StartAsync(Host, org, "admin");
        using var alan = await Chat.StartAsync(Host, org, "admin2");
        using var mia = await Chat.StartAsync(Host, org, "member");
        await alan.Send("hi");
        await alan.ExpectReply("Hi Alan");

        await ada.Send($"add a custom tool stock_level that calls GET {Orders.Url(path)}{{sku}}");
        await ada.ExpectReply("needs approval");
        var card = await alan.ExpectCard("Connect the custom tool stock_level");
        await alan.Submit(ApprovalCard.Data(card, "approve"));
        await ada.ExpectReply("Connected stock_level");
        await ada.Send("add the phrasing \"how many {sku} do we have\" to stock_level");
        await ada.ExpectReply("now also answers to");
        await mia.Send("how many LAMP-1 do we have?");
        await mia.ExpectReply("in_stock: 12");
        await ada.Send("list integrations");
        await ada.ExpectReply("stock_level: GET 127.0.0.1, read-only");

        Assert.Equal(path + "LAMP-1", Orders.To(path).Single().PathAndQuery);
    }

    [Theory]
    [InlineData("http://169.254.169.254/latest/meta-data/{key}", "link-local")]
    [InlineData("http://10.1.2.3/orders/{id}", "private")]
    [InlineData("http://[::1]:9/orders/{id}", "loopback")]
    [InlineData("http://{host}/orders", "never in the scheme or host")]
    [InlineData("ftp://files.example.com/{id}", "http")]
    public async Task AToolAimedAtAPrivateAddressOrWithAPlaceholderHostIsRefusedWithAReason(string url, string reason)
    {
        var org = await TestOrganization.CreateAsync(Host);
        using var admin = await AdminKeys.ClientAsync(Host, org, "admin");

        using var response = await admin.PostAsJsonAsync($"{AdminKeys.Base(org)}/custom-tools", new { name = "probe", description = "Probe it", url });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    internal Task<JsonObject> CreateToolAsync(TestOrganization org, JsonObject definition) => CustomTools.CreateAsync(Host, org, definition);

    internal static JsonObject Schema(params (string Name, string Type, string Description)[] parameters) => CustomTools.Schema(parameters);
}
