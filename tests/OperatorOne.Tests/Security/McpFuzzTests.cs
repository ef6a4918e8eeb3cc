using System.Net.Http.Headers;
using System.Text;
using OperatorOne.Tests.AdminApi;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.Security;

/// <summary>/mcp with mutations of the JSON-RPC requests an AI client sends (Streamable HTTP, an admin API key): no 5xx, and a refusal writes nothing.</summary>
[Collection(SecuredCollection.Name)]
public sealed class McpFuzzTests(SecuredBot bot, ITestOutputHelper output)
{
    private static readonly string[] Valid =
    [
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"fuzz\",\"version\":\"1.0\"}}}",
        "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\",\"params\":{}}",
        "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"show_ticket\",\"arguments\":{\"number\":1}}}",
        "{\"jsonrpc\":\"2.0\",\"id\":\"c4\",\"method\":\"tools/call\",\"params\":{\"name\":\"create_ticket\",\"arguments\":{\"title\":\"Printer jammed\",\"priority\":\"high\"}}}",
        "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"tools/call\",\"params\":{\"name\":\"delete_ticket\",\"arguments\":{\"number\":1}}}",
        "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
    ];

    private readonly FuzzTarget _target = new(bot);

    [Fact]
    public async Task MutatedJsonRpcRequestsToMcpNeverAnswer5xxAndRefusalsWriteNothing()
    {
        var organization = await TestOrganization.CreateAsync(bot.Host);
        var (_, key) = await AdminKeys.IssueAsync(bot.Host, organization, "member");

        await FuzzRun.SampleAsync(output, _target, Valid.Length, 36, async (i, edits) =>
        {
            var body = Mutation.Apply(Encoding.UTF8.GetBytes(Valid[i]), edits, form: false);
            await _target.CheckAsync(organization.Id, "mcp", () => _target.PostAsync("/mcp", body, "application/json", r =>
            {
                r.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
                r.Headers.Accept.ParseAdd("application/json");
                r.Headers.Accept.ParseAdd("text/event-stream");
            }));
        });
    }
}
