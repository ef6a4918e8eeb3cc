using System.Net;
using Microsoft.Playwright;
using OperatorOne.Tests.Browser;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.Security;

/// <summary>
/// Every HTML page carries a Content-Security-Policy (no inline script, no framing) and nosniff; the official Web Chat
/// bundle, the call page and the API reference run under it in Chromium without a single violation.
/// </summary>
[Collection(BotCollection.Name)]
public sealed class SecurityHeadersTests(BotHost host)
{
    private const float Timeout = 30_000;

    /// <summary>Installed before any page script: every violation the browser reports, and CSP console errors.</summary>
    private const string RecordViolations = """
        window.__violations = [];
        document.addEventListener('securitypolicyviolation', e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
        """;

    [Theory]
    [InlineData("/")]
    [InlineData("/call")]
    [InlineData("/admin/reference")]
    public async Task EveryPageForbidsInlineScriptFramingAndSniffing(string path)
    {
        using var http = host.CreateClient();

        var response = await http.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.DoesNotContain("<script>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApiResponsesAreNotSniffedEither()
    {
        using var http = host.CreateClient();

        var response = await http.GetAsync("/openapi/v1.json");

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task TheWebChatPageRunsAConversationWithoutAContentSecurityPolicyViolation()
    {
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var (page, console) = await OpenAsync(browser, "/");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ada Admin" }).ClickAsync(new() { Timeout = Timeout });
        await Assertions.Expect(page.GetByText("Hi Ada!").Last).ToBeVisibleAsync(new() { Timeout = Timeout });

        var box = page.GetByRole(AriaRole.Textbox, new() { Name = "Message input box" });
        await box.FillAsync("help", new() { Timeout = Timeout });
        await page.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByText("open a ticket").Last).ToBeVisibleAsync(new() { Timeout = Timeout });

        Assert.Empty(await page.EvaluateAsync<string[]>("window.__violations"));
        Assert.Empty(console);
    }

    [Theory]
    [InlineData("/call", "Signed in as Mia Member")]
    [InlineData("/admin/reference", "Members")]
    public async Task TheOtherPagesRunWithoutAContentSecurityPolicyViolation(string path, string shown)
    {
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);

        var (page, console) = await OpenAsync(browser, path);

        await Assertions.Expect(page.GetByText(shown).First).ToBeVisibleAsync(new() { Timeout = Timeout });
        Assert.Empty(await page.EvaluateAsync<string[]>("window.__violations"));
        Assert.Empty(console);
    }

    private async Task<(IPage Page, List<string> CspConsole)> OpenAsync(IBrowser browser, string path)
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
}
