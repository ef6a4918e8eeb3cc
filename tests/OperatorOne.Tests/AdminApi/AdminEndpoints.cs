using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OperatorOne.AdminApi;
using OperatorOne.Data.Members;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.AdminApi;

/// <summary>An /admin/v1 endpoint as mapped: what the auth matrix and the OpenAPI test walk over.</summary>
internal sealed partial record AdminEndpoint(string Method, string Pattern, MemberRole RequiredRole, bool TakesJsonBody, bool OperatorOnly = false, bool OperatorAllowed = false)
{
    /// <summary>"GET /admin/v1/organizations/{organizationId}/members", constraints dropped, as OpenAPI writes paths.</summary>
    public string Operation => $"{Method} {Constraint().Replace(Pattern, "}")}";

    /// <summary>The route as the audit log records it, constraints kept.</summary>
    public string AuditTool => $"{Method} {Pattern}";

    public static List<AdminEndpoint> All(BotHost host) =>
        [.. host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith($"{AdminApiHosting.Prefix}/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Select(method => new AdminEndpoint(
                method, e.RoutePattern.RawText!.TrimEnd('/'),
                e.Metadata.GetMetadata<AdminAccess>()?.Role ?? (method == "GET" ? MemberRole.Viewer : MemberRole.Admin),
                e.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType is not null,
                e.Metadata.GetMetadata<OperatorAccess>()?.OperatorOnly == true,
                e.Metadata.GetMetadata<OperatorAccess>() is not null)))];

    /// <summary>A concrete URL in <paramref name="organization"/>: other ids are fresh (they name nothing).</summary>
    public string Url(Guid organization) => Parameter().Replace(Pattern, m => m.Groups["name"].Value switch
    {
        "organizationId" => organization.ToString(),
        _ => m.Groups["type"].Value == "long" ? "1" : Guid.NewGuid().ToString(),
    });

    public HttpRequestMessage Request(Guid organization, string? jsonBody = null) => new(new HttpMethod(Method), Url(organization))
    {
        Content = TakesJsonBody ? new StringContent(jsonBody ?? "{}", System.Text.Encoding.UTF8, "application/json") : null,
    };

    [GeneratedRegex(":[a-z]+}")]
    private static partial Regex Constraint();

    [GeneratedRegex("{(?<name>[A-Za-z]+)(:(?<type>[a-z]+))?}")]
    private static partial Regex Parameter();
}
