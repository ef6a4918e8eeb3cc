using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.AdminApi;

[Collection(BotCollection.Name)]
public sealed class AdminOpenApiTests(BotHost host)
{
    [Fact]
    public async Task TheOpenApiDocumentListsEveryAdminEndpoint()
    {
        using var client = host.CreateClient();

        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));

        Assert.StartsWith("3.", document.RootElement.GetProperty("openapi").GetString());
        var documented = document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Where(o => o.Name is "get" or "post" or "put" or "patch" or "delete")
                .Select(o => $"{o.Name.ToUpperInvariant()} {p.Name.TrimEnd('/')}"))
            .ToHashSet();
        var mapped = host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/admin/v1/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Select(m =>
                $"{m} {System.Text.RegularExpressions.Regex.Replace(e.RoutePattern.RawText!, ":[a-z]+}", "}").TrimEnd('/')}"))
            .ToList();
        Assert.True(mapped.Count >= 25, $"only {mapped.Count} admin endpoints mapped");
        Assert.All(mapped, endpoint => Assert.Contains(endpoint, documented));
    }

    [Fact]
    public async Task TheReferencePageRendersTheDocumentWithoutACdn()
    {
        using var client = host.CreateClient();

        var response = await client.GetAsync("/admin/reference");

        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("/openapi/v1.json", html);
        Assert.DoesNotContain("https://", html);
    }
}
