using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using OperatorOne.Data.Approvals;
using OperatorOne.Tests.Infrastructure;
using OperatorOne.Tests.Integrations;

namespace OperatorOne.Tests.Ai;

/// <summary>
/// An organization's custom tools as the model sees and uses them: in the chat-completions request's <c>tools</c> for the
/// roles allowed only, and a model's tool call going through the same executor (signed call, audit, approval).
/// </summary>
[Collection(LlmCollection.Name)]
public sealed class LlmCustomToolTests(LlmFixture fixture) : IAsyncLifetime
{
    private readonly LocalReceiver _orders = new();

    private BotHost Host => fixture.Host;
    private OpenAiStandIn Model => fixture.Model;

    public async ValueTask InitializeAsync() => await _orders.StartAsync();

    public async ValueTask DisposeAsync() => await _orders.DisposeAsync();

    [Fact]
    public async Task EachRoleIsOfferedExactlyTheCustomToolsItsRoleAllows()
    {
        Model.Reset();
        var org = await TestOrganization.CreateAsync(Host);
        await DefineAsync(org, "order_status", "Look up the status of a customer order", "/orders/", "readOnly", "member");
        await DefineAsync(org, "stock_level", "How many of a product are in stock", "/stock/", "readOnly", "viewer");
        await DefineAsync(org, "refund_order", "Refund a customer order", "/refunds/", "riskyWrite", "member");
        await DefineAsync(org, "close_books", "Close the month's books", "/books/", "admin", "admin");
        var offered = new Dictionary<string, List<string>>();

        foreach (var handle in new[] { "viewer", "member", "admin" })
        {
            using var chat = await Chat.StartAsync(Host, org, handle);
            Model.ReplyText($"Hello {handle}.");
            await chat.Send("what can you do for me?");
            await chat.ExpectReply($"Hello {handle}.");
            offered[handle] = [.. Model.Requests[^1]["tools"]!.AsArray().Select(t => t!["function"]!["name"]!.GetValue<string>())];
        }

        string[] custom = ["order_status", "stock_level", "refund_order", "close_books"];
        Assert.Equal(["stock_level"], offered["viewer"].Intersect(custom));
        Assert.Equal(["order_status", "refund_order", "stock_level"], offered["member"].Intersect(custom).Order());
        Assert.Equal(custom.Order(), offered["admin"].Intersect(custom).Order());
        var described = Model.Requests[^1]["tools"]!.AsArray().Single(t => t!["function"]!["name"]!.GetValue<string>() == "order_status")!["function"]!;
        Assert.Equal("Look up the status of a customer order", described["description"]!.GetValue<string>());
        Assert.Equal("string", described["parameters"]!["properties"]!["order_id"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task AModelsCallToACustomToolIsSignedAuditedAndItsAnswerGoesBackToTheModel()
    {
        Model.Reset();
        var org = await TestOrganization.CreateAsync(Host);
        var secret = (await DefineAsync(org, "order_status", "Look up the status of a customer order", "/orders/", "readOnly", "member"))
            ["signingSecret"]!.GetValue<string>();
        _orders.Answers["/orders/"] = _ => new ReceiverAnswer(200, """{"id": "1042", "status": "shipped"}""");
        using var chat = await Chat.StartAsync(Host, org, "member");
        Model.CallTool("order_status", """{"order_id":"1042"}""");
        Model.ReplyText("Order 1042 has shipped.");

        await chat.Send("has my order 1042 left the warehouse yet?");
        await chat.ExpectReply("Order 1042 has shipped.");

        var call = (await _orders.WaitForAsync("/orders/")).Single();
        Assert.Equal("/orders/1042", call.PathAndQuery);
        Assert.True(Signatures.Verify(call.Header("X-OperatorOne-Signature"), secret, call.Body));
        var toolMessage = Model.Requests[^1]["messages"]!.AsArray().Last(m => m!["role"]!.GetValue<string>() == "tool")!.ToJsonString();
        Assert.Contains("shipped", toolMessage, StringComparison.Ordinal);
        var audit = await Host.InOrganizationAsync(org.Id, db => db.AuditEvents.AsNoTracking().Where(e => e.Tool == "order_status").ToListAsync());
        Assert.Contains(audit, e => e.Kind == "tool_call" && e.Arguments!.Contains("1042"));
        Assert.Contains(audit, e => e.Kind == "integration_call" && e.Outcome == "ok");
    }

    [Fact]
    public async Task AModelsCallToARiskyCustomToolWaitsForApprovalAndThenRunsOnce()
    {
        Model.Reset();
        var org = await TestOrganization.CreateAsync(Host);
        await DefineAsync(org, "refund_order", "Refund a customer order", "/refunds/", "riskyWrite", "member");
        _orders.Answers["/refunds/"] = _ => new ReceiverAnswer(201, """{"refund": "R-9"}""");
        using var admin = await Chat.StartAsync(Host, org, "admin");
        using var member = await Chat.StartAsync(Host, org, "member");
        Model.CallTool("refund_order", """{"order_id":"1042"}""");
        Model.ReplyText("The refund for order 1042 is awaiting approval.");

        await member.Send("the customer of order 1042 wants their money back");
        await member.ExpectReply("awaiting approval");
        var card = await admin.ExpectCard("Refund a customer order");
        var calledBefore = _orders.To("/refunds/").Count;
        await admin.Submit(ApprovalCard.Data(card, "approve"));
        await admin.ExpectReply("Approved");
        await member.ExpectReply("was approved");

        Assert.Equal(0, calledBefore);
        Assert.Equal("/refunds/1042", (await _orders.WaitForAsync("/refunds/")).Single().PathAndQuery);
        Assert.Contains("approval request #", Model.Requests[^1].ToJsonString(), StringComparison.Ordinal);
        var state = await Host.InOrganizationAsync(org.Id, async db => (
            Approval: await db.ApprovalRequests.AsNoTracking().SingleAsync(),
            Calls: await db.AuditEvents.CountAsync(e => e.Kind == "integration_call" && e.Tool == "refund_order")));
        Assert.Equal(("refund_order", ApprovalStatus.Executed), (state.Approval.Tool, state.Approval.Status));
        Assert.Equal(1, state.Calls);
    }

    private Task<JsonObject> DefineAsync(TestOrganization org, string name, string description, string prefix, string tier, string minimumRole) =>
        CustomTools.CreateAsync(Host, org, new JsonObject
        {
            ["name"] = name,
            ["description"] = description,
            ["method"] = tier == "readOnly" ? "GET" : "POST",
            ["url"] = _orders.Url(prefix) + "{order_id}",
            ["parameters"] = CustomTools.Schema(("order_id", "string", "The order number")),
            ["tier"] = tier,
            ["minimumRole"] = minimumRole,
        });
}
