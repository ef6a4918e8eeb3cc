using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ModelContextProtocol.Protocol;

namespace OperatorOne.AdminApi.Mcp;

/// <summary>
/// The MCP server at /mcp (Streamable HTTP, stateless, so any replica answers any request): AI clients authenticate with
/// an admin API key or OIDC token and act as that member, through the same tool executor as a chat turn.
/// </summary>
public static class McpHosting
{
    public const string Path = "/mcp";

    public static IHostApplicationBuilder AddMcpEndpoint(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<McpTools>();
        builder.Services.AddMcpServer(options => options.ServerInfo = new Implementation { Name = "OperatorOne", Version = "1.0" })
            .WithHttpTransport(transport => transport.Stateless = true)
            .WithListToolsHandler((request, cancellationToken) => McpTools.For(request).ListAsync(request, cancellationToken))
            .WithCallToolHandler((request, cancellationToken) => McpTools.For(request).CallAsync(request, cancellationToken));
        return builder;
    }

    /// <summary>Maps /mcp behind its gate (middleware: the credential is checked before the SDK reads the body).</summary>
    public static IEndpointRouteBuilder MapMcpEndpoint(this IEndpointRouteBuilder app)
    {
        var pipeline = app as IApplicationBuilder ?? throw new InvalidOperationException("MapMcpEndpoint maps on the application: its gate is middleware.");
        pipeline.UseMiddleware<McpGate>();
        app.MapMcp(Path).WithMetadata(McpGate.Marker).ExcludeFromDescription();
        return app;
    }
}
