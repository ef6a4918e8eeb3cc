using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace OperatorOne.Channels.WebChat;

/// <summary>
/// The chat page and its script (embedded in this assembly, so any host serves them) and the Web Chat bundle it loads.
/// The script is a file of its own so the page's Content-Security-Policy needs no inline script.
/// </summary>
internal static class WebChatPage
{
    private const string Resource = "OperatorOne.Channels.WebChat.WebChatPage";

    public static Results<FileStreamHttpResult, NotFound> Page() => Embedded($"{Resource}.html", "text/html; charset=utf-8");

    public static Results<FileStreamHttpResult, NotFound> Script() => Embedded($"{Resource}.js", "text/javascript; charset=utf-8");

    /// <summary>Browsers ask for /favicon.ico on every page of this host (chat, join, setup); a 404 there is noise in every log.</summary>
    public static Results<FileStreamHttpResult, NotFound> Icon() => Embedded("OperatorOne.Channels.WebChat.favicon.ico", "image/x-icon");

    private static Results<FileStreamHttpResult, NotFound> Embedded(string name, string contentType) =>
        typeof(WebChatPage).Assembly.GetManifestResourceStream(name) is { } stream ? TypedResults.Stream(stream, contentType) : TypedResults.NotFound();

    /// <summary>The official bundle, fetched at build time into the executable's wwwroot/lib (never committed).</summary>
    public static Results<FileStreamHttpResult, NotFound> Bundle(IWebHostEnvironment environment)
    {
        var bundle = environment.WebRootFileProvider.GetFileInfo("lib/webchat.js");
        return bundle.Exists
            ? TypedResults.Stream(bundle.CreateReadStream(), "text/javascript; charset=utf-8", lastModified: bundle.LastModified)
            : TypedResults.NotFound();
    }
}
