using Microsoft.OpenApi;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.AdminApi;

[Collection(BotCollection.Name)]
public sealed class AdminOpenApiTests(BotHost host)
{
    [Fact]
    public async Task TheOpenApiDocumentValidatesAndListsExactlyTheMappedAdminEndpoints()
    {
        using var client = host.CreateClient();

        var (document, diagnostic) = OpenApiDocument.Parse(await client.GetStringAsync("/openapi/v1.json"), "json");

        Assert.NotNull(document);
        Assert.Empty(diagnostic?.Errors ?? []);
        var documented = document.Paths.SelectMany(p => (p.Value.Operations ?? []).Keys.Select(m => $"{m.Method.ToUpperInvariant()} {p.Key.TrimEnd('/')}")).ToHashSet();
        var mapped = AdminEndpoint.All(host).Select(e => e.Operation).ToHashSet();
        Assert.True(mapped.Count >= 27, $"only {mapped.Count} admin endpoints mapped");
        Assert.Equal(mapped.Order(), documented.Order());
    }

    [Fact]
    public async Task EveryOperationDeclaresItsErrorsAndBothSecuritySchemes()
    {
        using var client = host.CreateClient();

        var (document, _) = OpenApiDocument.Parse(await client.GetStringAsync("/openapi/v1.json"), "json");

        Assert.NotNull(document?.Components?.SecuritySchemes);
        Assert.Equal(SecuritySchemeType.ApiKey, document.Components.SecuritySchemes["ApiKey"].Type);
        Assert.Equal(("http", "bearer"), (document.Components.SecuritySchemes["Bearer"].Type.ToString()!.ToLowerInvariant(), document.Components.SecuritySchemes["Bearer"].Scheme));
        var operations = document.Paths.SelectMany(p => (p.Value.Operations ?? []).Select(o => (Name: $"{o.Key.Method} {p.Key}", Operation: o.Value))).ToList();
        Assert.NotEmpty(operations);
        Assert.All(operations, o =>
        {
            Assert.True(new[] { "400", "401", "403", "404" }.All(code => o.Operation.Responses?.ContainsKey(code) == true), $"{o.Name} lacks an error response");
            var schemes = (o.Operation.Security ?? []).SelectMany(r => r.Keys).Select(k => k.Reference.Id).ToHashSet();
            Assert.True(schemes.SetEquals(["ApiKey", "Bearer"]), $"{o.Name} has security {string.Join(",", schemes)}");
        });
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
