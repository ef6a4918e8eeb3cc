using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using OperatorOne.Data.Conversations;
using OperatorOne.Tests.Browser;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.VoiceMedia;

/// <summary>The browser call page in headless Chromium, its microphone fed from an espeak-ng WAV, talking to the real bot.</summary>
[Collection(BotCollection.Name)]
public sealed class CallPageTests(BotHost host)
{
    private static readonly Guid DemoOrganization = Guid.Parse("0d3e0000-0000-4000-8000-000000000001");
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task ASignedInUserSpeaksIntoTheMicrophoneAndHearsTheBotsAnswer()
    {
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        // One word: through Chromium's capture and the page's own downsampling, pocketsphinx tends to split a longer
        // phrase into segments ("my" | "open tickets"); the phone path (MediaStreamCallTests) covers a whole phrase.
        var wav = await SpokenAudio.WavAsync("help", 48_000, padSeconds: 1.5);
        try
        {
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await Chromium.LaunchAsync(playwright, "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream",
                $"--use-file-for-fake-audio-capture={wav}", "--autoplay-policy=no-user-gesture-required");
            var page = await browser.NewPageAsync();
            await page.GotoAsync(new Uri(host.BaseAddress, "/call").ToString());
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Signed in as Mia Member", new() { Timeout = 30_000 });

            await page.GetByRole(AriaRole.Button, new() { Name = "Call" }).ClickAsync();

            var conversation = await page.EvaluateAsync<string>("window.callStats.conversationId");
            async Task<string> PageStateAsync() =>
                await page.EvaluateAsync<string>("JSON.stringify(window.callStats) + ' ' + document.getElementById('state').textContent");
            var transcript = await WaitForAsync(PageStateAsync, async () =>
            {
                var rows = await TranscriptAsync(conversation);
                var heard = rows.FindIndex(r => r.Direction == MessageDirection.Inbound && r.Text == "help");
                return heard >= 0 && rows.Skip(heard + 1).Any(r => r.Direction == MessageDirection.Outbound) ? rows : null;
            });
            Assert.Contains(transcript, r => r.Direction == MessageDirection.Outbound && r.Text.Contains("ticket", StringComparison.OrdinalIgnoreCase));
            // The welcome and at least one answer were played to their marks on the page.
            var stats = await WaitForAsync(PageStateAsync, async () =>
            {
                var current = await page.EvaluateAsync<JsonElement>("window.callStats");
                return current.GetProperty("marks").GetInt32() >= 2 ? (JsonElement?)current : null;
            });
            Assert.True(stats!.Value.GetProperty("framesReceived").GetInt32() > 50);
            Assert.True(stats.Value.GetProperty("framesSent").GetInt32() > 50);
        }
        finally
        {
            File.Delete(wav);
        }
    }

    private Task<List<(MessageDirection Direction, string Text)>> TranscriptAsync(string conversation) =>
        host.InOrganizationAsync(DemoOrganization, async db => (await db.TranscriptMessages
            .Where(m => db.Conversations.Any(c => c.Id == m.ConversationId && c.Channel == "webchat" && c.ExternalId == conversation))
            .OrderBy(m => m.Id).Select(m => new { m.Direction, m.Text }).ToListAsync())
            .Select(m => (m.Direction, m.Text)).ToList());

    /// <summary>Polls a condition until it yields a value or the patience runs out.</summary>
    private static async Task<T> WaitForAsync<T>(Func<Task<string>> describe, Func<Task<T?>> probe)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            if (await probe() is { } value)
            {
                return value;
            }
            await Task.Delay(250);
        }
        throw new TimeoutException("The call page did not get there; page state: " + await describe());
    }
}
