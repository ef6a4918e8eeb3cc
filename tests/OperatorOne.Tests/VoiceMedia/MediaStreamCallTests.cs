using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using OperatorOne.Data.Conversations;
using OperatorOne.Tests.Voice;

namespace OperatorOne.Tests.VoiceMedia;

/// <summary>
/// A phone call over a real Media Streams WebSocket to the real bot: the caller's words are espeak-ng audio in 20 ms
/// μ-law frames, recognized offline by pocketsphinx, answered by the core and spoken back by espeak-ng.
/// </summary>
[Collection(VoiceCollection.Name)]
public sealed class MediaStreamCallTests(VoiceFixture fixture, ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task ACallersSpokenRequestIsRecognizedAnsweredAloudAndWrittenToTheTranscript()
    {
        using var call = await PhoneCall.CreateAsync(fixture);
        await using var stream = await MediaStreamClient.ConnectSignedAsync(fixture.Host.BaseAddress);
        await stream.SendTextAsync("""{"event":"connected","protocol":"Call","version":"1.0.0"}""");
        await stream.StartAsync(call);

        var welcome = await stream.ReplyAsync(Patience);
        Assert.True(welcome.Length > 8000, $"The welcome should be spoken (got {welcome.Length} bytes).");

        var speech = await SpokenAudio.MuLawAsync("my open tickets");
        var (reply, latency) = await SayAsync(stream, speech);

        output.WriteLine($"Last caller speech frame to first reply frame: {latency.TotalMilliseconds:0} ms " +
            "(includes the 500 ms of silence that ends an utterance)");
        Assert.True(reply.Length >= MediaStreamClient.FrameBytes * 10, $"The reply should be spoken (got {reply.Length} bytes).");
        var transcript = await fixture.Host.InOrganizationAsync(call.Organization.Id, db => db.TranscriptMessages
            .Where(m => db.Conversations.Any(c => c.Id == m.ConversationId && c.Channel == "voice" && c.ExternalId == call.CallSid))
            .OrderBy(m => m.Id).Select(m => new { m.Direction, m.Text }).ToListAsync());
        var heard = transcript.FindIndex(m => m.Direction == MessageDirection.Inbound && m.Text == "my open tickets");
        Assert.True(heard >= 0, "Transcript: " + string.Join(" | ", transcript.Select(m => $"{m.Direction}: {m.Text}")));
        Assert.Contains(transcript.Skip(heard + 1), m => m.Direction == MessageDirection.Outbound && m.Text.Contains("ticket", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Sends the phrase then silence in real time, as Twilio does, until the first reply frame; returns the reply and the wait.</summary>
    private static async Task<(byte[] Reply, TimeSpan Latency)> SayAsync(MediaStreamClient stream, byte[] speech)
    {
        var pacing = Stopwatch.StartNew();
        var frames = 0;
        async Task SendPacedAsync(byte[] frame)
        {
            await stream.SendFrameAsync(frame);
            frames++;
            var due = TimeSpan.FromMilliseconds(frames * 20) - pacing.Elapsed;
            if (due > TimeSpan.Zero)
            {
                await Task.Delay(due);
            }
        }
        for (var offset = 0; offset < speech.Length; offset += MediaStreamClient.FrameBytes)
        {
            await SendPacedAsync(speech.AsSpan(offset, Math.Min(MediaStreamClient.FrameBytes, speech.Length - offset)).ToArray());
        }
        var lastSpeech = Stopwatch.StartNew();
        var silence = Enumerable.Repeat((byte)0xFF, MediaStreamClient.FrameBytes).ToArray();
        var first = stream.NextAsync(Patience);
        while (!first.IsCompleted && lastSpeech.Elapsed < Patience)
        {
            await SendPacedAsync(silence);
        }
        var message = await first ?? throw new InvalidOperationException("The stream closed before a reply.");
        var latency = lastSpeech.Elapsed;
        Assert.Equal("media", message["event"]!.GetValue<string>());
        var rest = await stream.ReplyAsync(Patience);
        return ([.. Convert.FromBase64String(message["media"]!["payload"]!.GetValue<string>()), .. rest], latency);
    }
}
