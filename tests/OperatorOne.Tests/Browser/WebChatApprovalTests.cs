using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.Browser;

/// <summary>The official Web Chat client in headless Chromium against the running bot: a ticket, a risky delete, an approval.</summary>
[Collection(BotCollection.Name)]
public sealed partial class WebChatApprovalTests(BotHost host)
{
    private static readonly Guid DemoOrganization = Guid.Parse("0d3e0000-0000-4000-8000-000000000001");
    private static readonly float Timeout = 30_000;

    [Fact]
    public async Task AMembersDeleteRequestIsApprovedByAnAdminClickingTheCardInTheBrowser()
    {
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);

        var member = await SignInAsync(browser, "Mia Member");
        // A title of its own: Mia's conversation goes on across sign-ins, so earlier tickets' answers are on screen too.
        var title = $"badge reader at door {string.Concat(Enumerable.Range(0, 10).Select(_ => (char)('a' + Random.Shared.Next(26))))} is broken";
        await SayAsync(member, $"open a ticket: {title}");
        var opened = Said(member, new Regex($@"Opened ticket #\d+: {Regex.Escape(title)}", RegexOptions.IgnoreCase));
        await Assertions.Expect(opened).ToBeVisibleAsync(new() { Timeout = Timeout });
        var number = int.Parse(OpenedTicket().Match(await opened.InnerTextAsync()).Groups["n"].Value);

        await SayAsync(member, $"delete ticket {number}");
        await Assertions.Expect(Said(member, new Regex($@"Delete ticket #{number} .*needs approval"))).ToBeVisibleAsync(new() { Timeout = Timeout });

        var admin = await SignInAsync(browser, "Ada Admin");
        // The demo has approvals of its own pending: click the card of this request, not simply the last one.
        var card = admin.Locator(".ac-adaptiveCard", new() { HasText = $"Delete ticket #{number} " }).Last;
        var approve = card.GetByRole(AriaRole.Button, new() { Name = "Approve" });
        await Assertions.Expect(approve).ToBeVisibleAsync(new() { Timeout = Timeout });
        await approve.ClickAsync();

        await ExpectOrExplainAsync(Said(member, new Regex($@"Delete ticket #{number} .*was approved by Ada Admin")), number, member, admin);
        await Assertions.Expect(card.GetByText("Approved by Ada Admin")).ToBeVisibleAsync(new() { Timeout = Timeout });
        var stillThere = await host.InOrganizationAsync(DemoOrganization, db => db.Tickets.AnyAsync(t => t.Number == number));
        Assert.False(stillThere);
    }

    /// <summary>
    /// Waits for the requester's notice; when it does not come, says how far the approval got (its status, the notices
    /// queued and what their delivery said, what each page shows last), since a browser timeout alone tells none of it.
    /// </summary>
    private async Task ExpectOrExplainAsync(ILocator notice, int number, IPage member, IPage admin)
    {
        try
        {
            await Assertions.Expect(notice).ToBeVisibleAsync(new() { Timeout = Timeout });
        }
        catch (PlaywrightException missing)
        {
            var state = await host.InOrganizationAsync(DemoOrganization, async db =>
            {
                var request = await db.ApprovalRequests.AsNoTracking()
                    .Where(r => r.Summary.Contains($"#{number} ")).OrderByDescending(r => r.CreatedAt).FirstOrDefaultAsync();
                var since = request?.CreatedAt ?? DateTimeOffset.MinValue;
                var outbox = await db.OutboxMessages.AsNoTracking().Where(m => m.CreatedAt >= since).OrderBy(m => m.Id)
                    .Select(m => $"{m.Id} {m.Kind} {m.Channel} {m.Status} attempts {m.Attempts} claimed {m.ClaimedBy} sent {m.SentAt:O} {m.LastError}")
                    .ToListAsync();
                return $"approval: {request?.Status} by {request?.DecidedById} at {request?.DecidedAt:O}: {request?.Outcome}\noutbox since:\n{string.Join("\n", outbox)}";
            });
            var lastSaid = async (IPage page) => string.Join(" | ", (await page.Locator("p").AllInnerTextsAsync()).TakeLast(6));
            throw new Xunit.Sdk.XunitException($"{missing.Message}\n{state}\nrequester sees: {await lastSaid(member)}\napprover sees: {await lastSaid(admin)}");
        }
    }

    private async Task<IPage> SignInAsync(IBrowser browser, string name)
    {
        var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(host.BaseAddress.ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = name }).ClickAsync(new() { Timeout = Timeout });
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"Signed in as {name}", new() { Timeout = Timeout });
        // The welcome proves this person's conversation is connected (the page may have been showing someone else's).
        await Assertions.Expect(page.GetByText($"Hi {name.Split(' ')[0]}!").First).ToBeVisibleAsync(new() { Timeout = Timeout });
        return page;
    }

    /// <summary>
    /// A bot message on screen: its rendered paragraph, the last one saying so (Web Chat repeats each message's text in
    /// a screen-reader label and a live region, and a member's history may hold an earlier one).
    /// </summary>
    private static ILocator Said(IPage page, Regex text) => page.Locator("p").Filter(new() { HasTextRegex = text }).Last;

    private static async Task SayAsync(IPage page, string text)
    {
        var box = page.GetByRole(AriaRole.Textbox, new() { Name = "Message input box" });
        await box.FillAsync(text, new() { Timeout = Timeout });
        await page.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();
        // Web Chat clears the box once it has taken the message.
        await Assertions.Expect(box).ToHaveValueAsync("", new() { Timeout = Timeout });
    }

    [GeneratedRegex(@"Opened ticket #(?<n>\d+)")]
    private static partial Regex OpenedTicket();
}
