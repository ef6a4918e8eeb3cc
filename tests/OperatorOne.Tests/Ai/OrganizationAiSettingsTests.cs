using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OperatorOne.Tests.AdminApi;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.Ai;

/// <summary>The organization's AI settings through the admin API, and the business context edited in chat.</summary>
[Collection(LlmCollection.Name)]
public sealed class OrganizationAiSettingsTests(LlmFixture fixture)
{
    private BotHost Host => fixture.Host;
    private OpenAiStandIn Model => fixture.Model;

    [Fact]
    public async Task TheAdminApiReadsAndChangesTheModelSettingsAndRejectsBadOnes()
    {
        var org = await TestOrganization.CreateAsync(Host);
        using var admin = await AdminKeys.ClientAsync(Host, org, "admin");

        var patched = await admin.PatchAsJsonAsync(AdminKeys.Base(org), new
        {
            llm = new { model = "gpt-4o", temperature = 0.4, maxOutputTokens = 500, dailyTokens = 200_000, monthlyCostUsd = 25.5 },
        });
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        var llm = (await admin.GetFromJsonAsync<JsonElement>(AdminKeys.Base(org))).GetProperty("llm");
        Assert.Equal("gpt-4o", llm.GetProperty("model").GetString());
        Assert.Equal(500, llm.GetProperty("maxOutputTokens").GetInt32());
        Assert.Equal(200_000, llm.GetProperty("dailyTokens").GetInt64());
        Assert.Equal(25.5m, llm.GetProperty("monthlyCostUsd").GetDecimal());

        var cleared = await admin.PatchAsJsonAsync(AdminKeys.Base(org), new { llm = new { model = "", dailyTokens = 0 } });
        var after = (await cleared.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("llm");
        Assert.Equal(JsonValueKind.Null, after.GetProperty("model").ValueKind);
        Assert.Equal(JsonValueKind.Null, after.GetProperty("dailyTokens").ValueKind);
        Assert.Equal(500, after.GetProperty("maxOutputTokens").GetInt32());

        var bad = await admin.PatchAsJsonAsync(AdminKeys.Base(org), new { llm = new { temperature = 7, maxOutputTokens = -1 } });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await bad.Content.ReadAsStringAsync();
        Assert.Contains("llm.temperature", problem, StringComparison.Ordinal);
        Assert.Contains("llm.maxOutputTokens", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAdminSetsTheBusinessContextInChatAndTheNextPromptCarriesIt()
    {
        Model.Reset();
        var org = await TestOrganization.CreateAsync(Host);
        using var chat = await Chat.StartAsync(Host, org, "admin");
        Model.CallTool("set_business_context", """{"description":"We repair bicycles in Ghent."}""");
        Model.ReplyText("Updated the business context.");
        await chat.Send("set the business context to: we repair bicycles in Ghent");
        await chat.ExpectReply("Updated the business context");

        Model.ReplyText("You repair bicycles.");
        await chat.Send("what do we do?");
        await chat.ExpectReply("repair bicycles");

        var system = Model.Requests[^1]["messages"]![0]!["content"]!.ToJsonString();
        Assert.Contains("About the business: We repair bicycles in Ghent.", system, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMemberCannotChangeTheBusinessContext()
    {
        Model.Reset();
        var org = await TestOrganization.CreateAsync(Host);
        using var chat = await Chat.StartAsync(Host, org, "member");
        Model.ReplyText("I can't do that.");
        await chat.Send("set the business context to: we sell cars");
        await chat.ExpectReply("can't");

        var tools = Model.Requests[0]["tools"]!.AsArray().Select(t => t!["function"]!["name"]!.GetValue<string>());
        Assert.DoesNotContain("set_business_context", tools);
        Assert.Equal("A test company.", await Host.InOrganizationAsync(org.Id,
            db => db.Organizations.Select(o => o.BusinessContext).SingleAsync()));
    }

    [Fact]
    public async Task TheAdminAuditToolListsLlmCallsWithTheirTokensAndCost()
    {
        Model.Reset();
        var org = await TestOrganization.CreateAsync(Host);
        using var chat = await Chat.StartAsync(Host, org, "admin");
        Model.ReplyText("Hi.");
        await chat.Send("hello");
        await chat.ExpectReply("Hi.");
        Model.CallTool("show_audit_log", """{"kind":"llm_call"}""");
        Model.ReplyText("Here are the LLM calls.");

        await chat.Send("show the llm calls");
        await chat.ExpectReply("LLM calls");

        var toolResult = Model.Requests[^1]["messages"]!.AsArray().Last(m => m!["role"]!.GetValue<string>() == "tool")!.ToJsonString();
        Assert.Contains("llm_call", toolResult, StringComparison.Ordinal);
        Assert.Contains("stand-in-model, 120 in / 30 out tokens, $0.0006", toolResult, StringComparison.Ordinal);
    }
}
