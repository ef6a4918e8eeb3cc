using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace OperatorOne.AdminApi;

/// <summary>The API reference: a static page and its script (no inline script, for the CSP) that render /openapi/v1.json in the browser, with no CDN.</summary>
internal static class ReferencePage
{
    private static readonly Lazy<string> Page = new(() => Embedded("html"));
    private static readonly Lazy<string> PageScript = new(() => Embedded("js"));

    public static ContentHttpResult Html() => TypedResults.Content(Page.Value, "text/html; charset=utf-8");

    public static ContentHttpResult Script() => TypedResults.Content(PageScript.Value, "text/javascript; charset=utf-8");

    private static string Embedded(string extension)
    {
        using var stream = typeof(ReferencePage).Assembly.GetManifestResourceStream($"OperatorOne.AdminApi.reference.{extension}")
            ?? throw new InvalidOperationException($"reference.{extension} is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
