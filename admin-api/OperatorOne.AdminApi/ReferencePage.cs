using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace OperatorOne.AdminApi;

/// <summary>The API reference: a static page that renders /openapi/v1.json in the browser, with no CDN.</summary>
internal static class ReferencePage
{
    private static readonly Lazy<string> Page = new(() =>
    {
        using var stream = typeof(ReferencePage).Assembly.GetManifestResourceStream("OperatorOne.AdminApi.reference.html")
            ?? throw new InvalidOperationException("reference.html is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    public static ContentHttpResult Html() => TypedResults.Content(Page.Value, "text/html; charset=utf-8");
}
