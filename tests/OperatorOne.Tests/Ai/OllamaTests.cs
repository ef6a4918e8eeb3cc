using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.Ai;

/// <summary>Ollama's /api/chat wire: tools, tool_calls with object arguments, done and the eval counts as usage.</summary>
public sealed class OllamaTests(OllamaFixture fixture) : IClassFixture<OllamaFixture>
{
    [Fact]
    public async Task AnOllamaModelRunsAMultiStepToolLoopAndItsCountsAreAudited()
    {
        var org = await TestOrganization.CreateAsync(fixture.Host);
        using var chat = await Chat.StartAsync(fixture.Host, org, "member");
        fixture.Model.CallTool("create_ticket", """{"title":"Wifi drops in the warehouse","priority":"high"}""");
        fixture.Model.CallTool("show_ticket", """{"number":1}""");
        fixture.Model.ReplyText("Ticket #1 is open with high priority.");

        await chat.Send("wifi keeps dropping in the warehouse, open a ticket and tell me its status");
        await chat.ExpectReply("Ticket #1 is open");

        var requests = fixture.Model.Requests;
        Assert.Equal(3, requests.Count);
        var tools = requests[0]["tools"]!.AsArray().Select(t => t!["function"]!["name"]!.GetValue<string>()).ToList();
        Assert.Contains("create_ticket", tools);
        Assert.Equal("llama3.2", requests[0]["model"]!.GetValue<string>());
        var last = requests[^1]["messages"]!.AsArray();
        Assert.Equal(2, last.Count(m => m!["role"]!.GetValue<string>() == "tool"));
        Assert.Contains("Wifi drops in the warehouse", last.ToJsonString(), StringComparison.Ordinal);

        var detail = await fixture.Host.InOrganizationAsync(org.Id, db => db.AuditEvents.Where(e => e.Kind == "llm_call").Select(e => e.Detail).SingleAsync());
        using var json = JsonDocument.Parse(detail!);
        Assert.Equal(270, json.RootElement.GetProperty("inputTokens").GetInt64());
        Assert.Equal(60, json.RootElement.GetProperty("outputTokens").GetInt64());
        Assert.Equal(2, json.RootElement.GetProperty("toolCalls").GetArrayLength());
    }
}
