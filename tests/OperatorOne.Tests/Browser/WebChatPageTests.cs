using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.Browser;

/// <summary>
/// The chat page as a person uses it, in headless Chromium at a phone's width: typing at once, refused uploads that say
/// why, and a reload that keeps the conversation (history, approval outcomes) without sending approvals again.
/// </summary>
[Collection(BotCollection.Name)]
public sealed partial class WebChatPageTests(BotHost host)
{
    private const float Timeout = 30_000;
    private static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    [Fact]
    public async Task AtAPhonesWidthWhatIsTypedRightAfterTheLoadGoesIntoTheMessageBox()
    {
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await OpenAsync(browser, "Mia Member");
        var box = MessageBox(page);

        // Nothing clicked: the page put the focus there itself.
        await Assertions.Expect(box).ToBeFocusedAsync(new() { Timeout = Timeout });
        await page.Keyboard.TypeAsync("help");
        await Assertions.Expect(box).ToHaveValueAsync("help", new() { Timeout = Timeout });
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(box).ToHaveValueAsync("", new() { Timeout = Timeout });

        var bounds = await box.BoundingBoxAsync();
        Assert.NotNull(bounds);
        Assert.True(bounds.X >= 0 && bounds.X + bounds.Width <= Phone.Width, $"The message box spans {bounds.X}..{bounds.X + bounds.Width} on a {Phone.Width} px screen.");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true })).ToBeInViewportAsync(new() { Timeout = Timeout });
    }

    [Fact]
    public async Task ClickingWhoThePageSignsInByItselfKeepsTheChatAndWhatIsSentInIt()
    {
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await (await browser.NewContextAsync(new() { ViewportSize = Phone })).NewPageAsync();
        var signIns = 0;
        page.Request += (_, request) => signIns += request.Url.EndsWith("/webchat/demo/token", StringComparison.Ordinal) ? 1 : 0;
        await page.GotoAsync(host.BaseAddress.ToString());

        // The page signs the default member (Mia) in on load; clicking her as soon as the button shows started a second
        // chat that replaced the first, and a message sent in the first meanwhile was gone.
        await page.GetByRole(AriaRole.Button, new() { Name = "Mia Member" }).ClickAsync(new() { Timeout = Timeout });
        await SignedInAsync(page, "Mia Member");
        await OpenTicketAsync(page, $"click check {Words()}");

        Assert.Equal(1, signIns);
    }

    [Fact]
    public async Task AnUploadIsSavedWithALinkThatOpensAndARefusedOneSaysWhyAndWhatTheLimitIs()
    {
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await OpenAsync(browser, "Mia Member");

        var failures = new List<string>();
        page.RequestFailed += (_, request) => failures.Add($"{request.Method} {request.Url}: {request.Failure}");
        page.Console += (_, message) => failures.Add($"console {message.Type}: {message.Text}");

        var notes = await UploadAsync(page, new FilePayload { Name = "notes.txt", MimeType = "text/plain", Buffer = System.Text.Encoding.UTF8.GetBytes($"Notes of the {Words()} meeting.") }, failures);
        Assert.Equal(200, notes.Status);
        // The document's link is absolute (Web Chat opens no relative link) and downloads the file.
        var link = page.Locator($"a[href^='{host.BaseAddress.AbsoluteUri}documents/']").Last;
        await Assertions.Expect(link).ToBeVisibleAsync(new() { Timeout = Timeout });
        using (var http = new HttpClient())
        {
            Assert.Contains("meeting", await http.GetStringAsync(await link.GetAttributeAsync("href")), StringComparison.Ordinal);
        }

        var huge = await UploadAsync(page, new FilePayload { Name = "huge.txt", MimeType = "text/plain", Buffer = new byte[(10 * 1024 * 1024) + 1] }, failures);
        Assert.Equal(413, huge.Status);
        await Assertions.Expect(page.GetByText(new Regex(@"Couldn't send: .*huge\.txt.*10 MB"))).ToBeVisibleAsync(new() { Timeout = Timeout });

        var program = await UploadAsync(page, new FilePayload { Name = "setup.exe", MimeType = "application/x-msdownload", Buffer = [0x4d, 0x5a, 0x90, 0x00] }, failures);
        Assert.Equal(415, program.Status);
        await Assertions.Expect(page.GetByText(new Regex(@"Couldn't send: I can't read setup\.exe: I take .* files"))).ToBeVisibleAsync(new() { Timeout = Timeout });
    }

    [Fact]
    public async Task AnIcsDownloadLinkInTheChatIsAbsoluteAndServesTheCalendar()
    {
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await OpenAsync(browser, "Mia Member");

        await SayAsync(page, "export my calendar as ics");

        // Web Chat opens no relative link, so the bot hands it out under the address the page was loaded from.
        var link = page.Locator($"a[href^='{host.BaseAddress.AbsoluteUri}calendar/ics/']").Last;
        await Assertions.Expect(link).ToBeVisibleAsync(new() { Timeout = Timeout });
        using var http = new HttpClient();
        using var download = await http.GetAsync(await link.GetAttributeAsync("href"));
        Assert.Equal(System.Net.HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("text/calendar", download.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("BEGIN:VCALENDAR", await download.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AReloadKeepsTheConversationShowsTheApprovalsOutcomeAndSendsNoApprovalTwice()
    {
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var member = await OpenAsync(browser, "Mia Member");
        var first = await OpenTicketAsync(member, $"reload check one {Words()}");
        var second = await OpenTicketAsync(member, $"reload check two {Words()}");
        await RequestDeletionAsync(member, first);
        await RequestDeletionAsync(member, second);

        await member.ReloadAsync();
        await SignedInAsync(member, "Mia Member");
        await Assertions.Expect(Said(member, new Regex($@"Delete ticket #{first} .*needs approval"))).ToBeVisibleAsync(new() { Timeout = Timeout });

        var admin = await OpenAsync(browser, "Ada Admin");
        var firstCard = Card(admin, first);
        var secondCard = Card(admin, second);
        await Assertions.Expect(secondCard).ToBeVisibleAsync(new() { Timeout = Timeout });
        await Assertions.Expect(firstCard).ToHaveCountAsync(1, new() { Timeout = Timeout });
        Assert.True(await IsBeforeAsync(firstCard, secondCard), "The earlier request's card comes first.");

        await admin.ReloadAsync();
        await SignedInAsync(admin, "Ada Admin");
        await Assertions.Expect(secondCard).ToBeVisibleAsync(new() { Timeout = Timeout });
        await Assertions.Expect(firstCard).ToHaveCountAsync(1, new() { Timeout = Timeout });
        await Assertions.Expect(secondCard).ToHaveCountAsync(1, new() { Timeout = Timeout });
        await firstCard.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync(new() { Timeout = Timeout });

        var outcome = Said(member, new Regex($@"Delete ticket #{first} .*was approved by Ada Admin"));
        await Assertions.Expect(outcome).ToBeVisibleAsync(new() { Timeout = Timeout });
        await member.ReloadAsync();
        await SignedInAsync(member, "Mia Member");
        await Assertions.Expect(outcome).ToBeVisibleAsync(new() { Timeout = Timeout });
    }

    [Fact]
    public async Task AtAPhonesWidthMessageStampsShowTheMembersClockNotTheBrowsers()
    {
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        // Victor reads in Tokyo while his browser runs on UTC: nine hours apart, so the two clocks never read the same.
        var tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
        await SetViewerZoneAsync(tokyo.Id);
        try
        {
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await Chromium.LaunchAsync(playwright);
            var page = await OpenAsync(browser, "Victor Viewer", browserZone: "UTC");
            Assert.Equal("UTC", await page.EvaluateAsync<string>("() => Intl.DateTimeFormat().resolvedOptions().timeZone"));
            var before = DateTimeOffset.UtcNow;
            await SayAsync(page, "help");

            // Any minute of this test's span, as Tokyo's clock reads it (Web Chat writes "December 7 at 9:05 PM").
            var onTokyosClock = new Regex(string.Join("|", Enumerable.Range(-1, 15)
                .Select(m => TimeZoneInfo.ConvertTime(before.AddMinutes(m), tokyo))
                .Select(t => $@"\b{t.ToString("MMMM d", Invariant)}\b.*\b{t.ToString("h:mm", Invariant)}\s?{t.ToString("tt", Invariant)}")));
            var reply = page.Locator(".webchat__stacked-layout", new() { Has = page.Locator("p", new() { HasText = "what you can ask me" }) }).Last;
            var message = page.Locator(".webchat__stacked-layout--from-user").Last;
            foreach (var said in new[] { reply, message })
            {
                // The visible stamp (Web Chat writes a "Sent at …" copy for screen readers beside it).
                var stamp = said.Locator(".webchat__stacked-layout__status .webchat__activity-status > [aria-hidden=true]").First;
                await Assertions.Expect(stamp).ToHaveTextAsync(onTokyosClock, new() { Timeout = Timeout });
                await Assertions.Expect(stamp).ToBeInViewportAsync(new() { Timeout = Timeout });
            }
        }
        finally
        {
            await SetViewerZoneAsync(null);
        }
    }

    /// <summary>Letters only: the redactor masks long digit runs, so a hex id in a title could come back changed.</summary>
    private static string Words() => string.Concat(Enumerable.Range(0, 12).Select(_ => (char)('a' + Random.Shared.Next(26))));

    /// <summary>A browser of its own at a phone's width, signed in as <paramref name="name"/> with the conversation connected.</summary>
    private async Task<IPage> OpenAsync(IBrowser browser, string name, string? browserZone = null)
    {
        var context = await browser.NewContextAsync(new() { ViewportSize = Phone, TimezoneId = browserZone });
        var page = await context.NewPageAsync();
        await page.GotoAsync(host.BaseAddress.ToString());
        var button = page.GetByRole(AriaRole.Button, new() { Name = name });
        await Assertions.Expect(button).ToBeVisibleAsync(new() { Timeout = Timeout });
        if (await button.GetAttributeAsync("aria-pressed") != "true")
        {
            await button.ClickAsync(new() { Timeout = Timeout });
        }
        await SignedInAsync(page, name);
        return page;
    }

    private static async Task SignedInAsync(IPage page, string name)
    {
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"Signed in as {name}", new() { Timeout = Timeout });
        // The welcome (new or from the history) proves this person's conversation is on screen.
        await Assertions.Expect(page.GetByText($"Hi {name.Split(' ')[0]}!").First).ToBeVisibleAsync(new() { Timeout = Timeout });
    }

    /// <summary>
    /// A bot message on screen: its rendered paragraph, the last one saying so (Web Chat repeats each message's text in
    /// a screen-reader label and a live region, and a member's history may hold an earlier one).
    /// </summary>
    private static ILocator Said(IPage page, Regex text) => page.Locator("p").Filter(new() { HasTextRegex = text }).Last;

    private static readonly System.Globalization.CultureInfo Invariant = System.Globalization.CultureInfo.InvariantCulture;

    private static readonly Guid DemoOrganization = Guid.Parse("0d3e0000-0000-4000-8000-000000000001");

    private Task<int> SetViewerZoneAsync(string? zone) => host.InOrganizationAsync(DemoOrganization, db =>
        db.Members.Where(m => m.Handle == "viewer").ExecuteUpdateAsync(m => m.SetProperty(x => x.TimeZone, zone)));

    private static ILocator MessageBox(IPage page) => page.GetByRole(AriaRole.Textbox, new() { Name = "Message input box" });

    /// <summary>
    /// Picks a file with the clip button's file input (the page sends a picked file at once) and waits for the bot's
    /// answer to the upload; what went wrong on the way, if it never comes, is in the failure.
    /// </summary>
    private static async Task<IResponse> UploadAsync(IPage page, FilePayload file, List<string> failures)
    {
        var answered = page.WaitForResponseAsync(r => r.Url.Contains("/upload", StringComparison.Ordinal), new() { Timeout = 90_000 });
        await page.Locator("input[type=file]").SetInputFilesAsync(file, new() { Timeout = Timeout });
        try
        {
            return await answered;
        }
        catch (TimeoutException e)
        {
            throw new Xunit.Sdk.XunitException($"No answer to the upload of {file.Name}: {e.Message}\n{string.Join("\n", failures)}");
        }
    }

    private static async Task SayAsync(IPage page, string text)
    {
        var box = MessageBox(page);
        await box.FillAsync(text, new() { Timeout = Timeout });
        await page.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync(new() { Timeout = Timeout });
        await Assertions.Expect(box).ToHaveValueAsync("", new() { Timeout = Timeout });
    }

    private static async Task<int> OpenTicketAsync(IPage page, string title)
    {
        await SayAsync(page, $"open a ticket: {title}");
        // The title is unique, so this is this ticket's answer even with the member's earlier history on screen.
        var opened = Said(page, new Regex($@"Opened ticket #\d+: {Regex.Escape(title)}", RegexOptions.IgnoreCase));
        await Assertions.Expect(opened).ToBeVisibleAsync(new() { Timeout = Timeout });
        return int.Parse(OpenedTicket().Match(await opened.InnerTextAsync()).Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task RequestDeletionAsync(IPage page, int number)
    {
        await SayAsync(page, $"delete ticket {number}");
        await Assertions.Expect(Said(page, new Regex($@"Delete ticket #{number} .*needs approval"))).ToBeVisibleAsync(new() { Timeout = Timeout });
    }

    private static ILocator Card(IPage page, int number) => page.Locator(".ac-adaptiveCard", new() { HasText = $"Delete ticket #{number} " });

    private static async Task<bool> IsBeforeAsync(ILocator earlier, ILocator later) =>
        await earlier.EvaluateAsync<bool>("(a, b) => !!(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING)", await later.ElementHandleAsync());

    [GeneratedRegex(@"Opened ticket #(?<n>\d+)")]
    private static partial Regex OpenedTicket();
}
