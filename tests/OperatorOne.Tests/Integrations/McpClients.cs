using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.Integrations;

/// <summary>The official C# MCP client over Streamable HTTP, as an AI client connects to the bot's /mcp.</summary>
internal static class McpClients
{
    /// <summary>Connects with an admin API key or an OIDC token as the bearer credential.</summary>
    public static Task<McpClient> ConnectAsync(BotHost host, string bearer) =>
        ConnectAsync(new Uri(host.BaseAddress, "/mcp"), new Dictionary<string, string> { ["Authorization"] = $"Bearer {bearer}" });

    public static async Task<McpClient> ConnectAsync(Uri endpoint, IDictionary<string, string> headers) =>
        await McpClient.CreateAsync(new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = endpoint,
            TransportMode = HttpTransportMode.StreamableHttp,
            AdditionalHeaders = headers,
        }));

    /// <summary>The text a tool call answered.</summary>
    public static string Text(CallToolResult result) => string.Join("\n", result.Content.OfType<TextContentBlock>().Select(c => c.Text));
}
