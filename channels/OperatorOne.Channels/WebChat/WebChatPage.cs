using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace OperatorOne.Channels.WebChat;

/// <summary>The chat page (embedded in this assembly, so any host serves it) and the Web Chat bundle it loads.</summary>
internal static class WebChatPage
{
    private const string Resource = "OperatorOne.Channels.WebChat.WebChatPage.html";

    public static Results<FileStreamHttpResult, NotFound> Page()
    {
        var page = typeof(WebChatPage).Assembly.GetManifestResourceStream(Resource);
        return page is null ? TypedResults.NotFound() : TypedResults.Stream(page, "text/html; charset=utf-8");
    }

    /// <summary>The official bundle, fetched at build time into the executable's wwwroot/lib (never committed).</summary>
    public static Results<FileStreamHttpResult, NotFound> Bundle(IWebHostEnvironment environment)
    {
        var bundle = environment.WebRootFileProvider.GetFileInfo("lib/webchat.js");
        return bundle.Exists
            ? TypedResults.Stream(bundle.CreateReadStream(), "text/javascript; charset=utf-8", lastModified: bundle.LastModified)
            : TypedResults.NotFound();
    }
}
