using Microsoft.Playwright;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.Security;

/// <summary>Opening the bot's pages in Chromium with every Content-Security-Policy violation recorded, and what a hardened HTML response carries.</summary>
internal static class BrowserPages
{
    public const float Timeout = 30_000;

    /// <summary>Installed before any page script (on every page the tab opens): every violation the browser reports.</summary>
    private const string RecordViolations = """
        window.__violations = [];
        document.addEventListener('securitypolicyviolation', e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
        """;

    /// <summary>The page, and the CSP errors on the console of every page the tab shows from then on.</summary>
    public static async Task<(IPage Page, List<string> CspConsole)> OpenAsync(IBrowser browser, BotHost host, string path)
    {
        var context = await browser.NewContextAsync();
        await context.AddInitScriptAsync(RecordViolations);
        var page = await context.NewPageAsync();
        var console = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                console.Add(message.Text);
            }
        };
        await page.GotoAsync(new Uri(host.BaseAddress, path).ToString());
        return (page, console);
    }

    /// <summary>No inline script, no eval, no framing, no sniffing (header names as Playwright gives them, lower case).</summary>
    public static void AssertHardened(IReadOnlyDictionary<string, string> headers)
    {
        var csp = headers["content-security-policy"];
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Equal("DENY", headers["x-frame-options"]);
        Assert.Equal("nosniff", headers["x-content-type-options"]);
    }
}
