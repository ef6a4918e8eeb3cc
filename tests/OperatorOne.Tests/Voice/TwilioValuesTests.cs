using System.Diagnostics;
using System.Net;
using OperatorOne.Tests.Deploy;

namespace OperatorOne.Tests.Voice;

/// <summary>manifests/twilio/values.sh prints URLs the bot really serves, under the base URL it was given.</summary>
[Collection(VoiceCollection.Name)]
public sealed class TwilioValuesTests(VoiceFixture fixture)
{
    [Fact]
    public async Task ThePrintedWebhookUrlsAreTheBotsSignedVoiceEndpoints()
    {
        var start = new ProcessStartInfo("bash", [RepositoryFiles.PathOf("manifests/twilio/values.sh"), "https://bot.example.com/", "+15550100100"])
        {
            RedirectStandardOutput = true,
        };
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(0, process.ExitCode);
        var urls = output.Split('\n').Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(p => p.Length > 0 && p[^1].StartsWith("https://", StringComparison.Ordinal)).Select(p => new Uri(p[^1])).ToList();
        Assert.Equal(["/api/voice/twilio/incoming", "/api/voice/twilio/status"], urls.Select(u => u.AbsolutePath));
        Assert.All(urls, u => Assert.Equal("bot.example.com", u.Host));
        Assert.Contains("Twilio__PublicBaseUrl=https://bot.example.com\n", output, StringComparison.Ordinal);

        using var http = fixture.Host.CreateClient();
        foreach (var url in urls)
        {
            var response = await http.PostAsync(url.AbsolutePath, new FormUrlEncodedContent(new Dictionary<string, string> { ["CallSid"] = "CA1" }));
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }
    }
}
