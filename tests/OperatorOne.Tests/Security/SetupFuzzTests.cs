using System.Net;
using System.Text;
using Microsoft.Playwright;
using OperatorOne.Tests.Browser;

namespace OperatorOne.Tests.Security;

/// <summary>
/// The first-boot page, open because no organization exists: mutations of its form and its token never answer 5xx and
/// a refusal creates nothing; the form itself works in Chromium under the Content-Security-Policy.
/// </summary>
[Collection(FreshCollection.Name)]
public sealed class SetupFuzzTests(FreshBot fresh, ITestOutputHelper output)
{
    private const string Form = "organization=Bike+Repairs+{unique}&timeZone=Europe%2FBrussels&country=BE&ownerName=Olga+Owner&ownerEmail={unique}%40example.com&ownerPhone=%2B32470123456";

    [Fact]
    public async Task MutatedSetupFormsAndTokensNeverAnswer5xxAndRefusalsCreateNothing()
    {
        await fresh.ResetAsync();
        var target = new FuzzTarget(fresh.Host, _ => fresh.RowCountsAsync());
        var token = fresh.SetupToken;
        // Submitting a damaged form is weighted thrice: most of its mutations are refused, and some must get through.
        var kinds = new[] { "submit", "submit", "submit", "submit to a damaged link", "show a damaged link" };
        // The form as written goes through the same check and counts as the run's success: whether a mutated form still
        // sets up depends on where the edits land in its fresh ids, so the fixed seed alone cannot promise one.
        var asWritten = HttpStatusCode.InternalServerError;
        await target.CheckAsync(fresh.RowCountsAsync, "setup as written", async () =>
        {
            var response = await target.PostAsync("/setup/" + token, Encoding.UTF8.GetBytes(Form.Replace("{unique}", "first", StringComparison.Ordinal)),
                "application/x-www-form-urlencoded", _ => { });
            asWritten = response.StatusCode;
            return response;
        });
        Assert.Equal(HttpStatusCode.OK, asWritten);
        await fresh.ResetAsync();

        await FuzzRun.SampleAsync(output, target, kinds.Length, 30, async (i, edits) =>
        {
            var form = Encoding.UTF8.GetBytes(Form.Replace("{unique}", $"u{Guid.NewGuid():N}"[..10], StringComparison.Ordinal));
            var path = "/setup/" + (kinds[i] == "submit" ? token : FuzzTarget.Escape(Mutation.Apply(Encoding.UTF8.GetBytes(token), edits, form: true)));
            var created = false;
            await target.CheckAsync(fresh.RowCountsAsync, "setup", async () =>
            {
                var response = kinds[i] switch
                {
                    "submit" => await target.PostAsync(path, Mutation.Apply(form, edits, form: true), "application/x-www-form-urlencoded", _ => { }),
                    "submit to a damaged link" => await target.PostAsync(path, form, "application/x-www-form-urlencoded", _ => { }),
                    _ => await target.GetAsync(path),
                };
                created = response.StatusCode == HttpStatusCode.OK && kinds[i] != "show a damaged link";
                return response;
            });
            if (created)
            {
                // The setup link works once; emptying the store opens it again for the next case.
                await fresh.ResetAsync();
            }
        });
    }

    [Fact]
    public async Task TheSetupFormWorksInChromiumWithoutAContentSecurityPolicyViolation()
    {
        await fresh.ResetAsync();
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var (page, console) = await BrowserPages.OpenAsync(browser, fresh.Host, "/setup/" + fresh.SetupToken);
        await page.GetByLabel("Organization name").FillAsync("Bike Repairs Ghent");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Olga Owner");
        await page.GetByLabel("Email (their Slack").FillAsync($"olga-{Guid.NewGuid():N}@example.com");
        var headers = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Create the organization" }).ClickAsync(),
            r => r.Url.Contains("/setup/", StringComparison.Ordinal) && r.Request.Method == "POST", new() { Timeout = BrowserPages.Timeout });

        await Assertions.Expect(page.GetByText("Bike Repairs Ghent is ready")).ToBeVisibleAsync(new() { Timeout = BrowserPages.Timeout });
        BrowserPages.AssertHardened(await headers.AllHeadersAsync());
        Assert.Empty(await page.EvaluateAsync<string[]>("window.__violations"));
        Assert.Empty(console);
        await fresh.ResetAsync();
    }
}
