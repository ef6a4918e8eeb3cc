using System.Text.Encodings.Web;

namespace OperatorOne.Bot.Core.Pages;

/// <summary>
/// The frame of the few plain HTML pages the bot serves itself (setup, joining, channel connections): no scripts or
/// styles from anywhere else, so they work offline and behind a strict proxy; a page's script is a file of this origin,
/// because the Content-Security-Policy allows no inline script.
/// </summary>
public static class PageShell
{
    public static string Encode(string? text) => HtmlEncoder.Default.Encode(text ?? "");

    public static string Render(string title, string body, string? scriptPath = null) => $$"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <meta name="referrer" content="no-referrer">
          <title>{{Encode(title)}} · OperatorOne</title>
          <style>
            body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; background: #f4f5f7; color: #1f2a44; margin: 0; }
            header { background: #1f2a44; color: #fff; padding: .7rem 1rem; font-weight: 600; }
            main { max-width: 760px; margin: 1.5rem auto; background: #fff; padding: 1.2rem 1.6rem; box-shadow: 0 0 8px rgba(0,0,0,.08); line-height: 1.5; }
            label { display: block; margin: .8rem 0 .2rem; font-weight: 600; }
            input, select { width: 100%; box-sizing: border-box; padding: .45rem; border: 1px solid #b8c0d4; border-radius: 4px; font: inherit; }
            button { margin-top: 1.2rem; padding: .55rem 1.2rem; background: #1f6feb; color: #fff; border: 0; border-radius: 4px; font: inherit; cursor: pointer; }
            code, .secret { background: #e8eaef; padding: .15rem .35rem; border-radius: 3px; word-break: break-all; }
            .error { color: #b3261e; }
            .state-working { color: #1a7f37; } .state-unreachable { color: #b3261e; } .state-notConfigured { color: #6b7280; }
            table { border-collapse: collapse; width: 100%; } td, th { text-align: left; padding: .3rem; border-bottom: 1px solid #e5e7eb; vertical-align: top; }
          </style>
        </head>
        <body>
          <header>OperatorOne</header>
          <main>
        {{body}}
          </main>
        {{(scriptPath is null ? "" : $"<script src=\"{Encode(scriptPath)}\"></script>")}}
        </body>
        </html>
        """;
}
