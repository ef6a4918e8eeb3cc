using System.Diagnostics;

namespace OperatorOne.Tests.VoiceMedia;

/// <summary>A caller's voice for tests: espeak-ng speaks, sox converts (independently of the bot's own audio code).</summary>
public static class SpokenAudio
{
    /// <summary>The phrase as raw 8 kHz μ-law, as a phone line carries it.</summary>
    public static async Task<byte[]> MuLawAsync(string phrase)
    {
        var wav = await WavAsync(phrase, 22050);
        try
        {
            var raw = Path.ChangeExtension(wav, ".ulaw");
            await RunAsync("sox", wav, "-r", "8000", "-c", "1", "-e", "u-law", "-t", "raw", raw);
            var bytes = await File.ReadAllBytesAsync(raw);
            File.Delete(raw);
            return bytes;
        }
        finally
        {
            File.Delete(wav);
        }
    }

    /// <summary>A WAV file of the phrase at the given rate, padded with silence (a fake microphone plays it).</summary>
    public static async Task<string> WavAsync(string phrase, int rate, double padSeconds = 0)
    {
        var spoken = Path.Combine(Path.GetTempPath(), $"operatorone-test-{Guid.NewGuid():N}.wav");
        var output = Path.ChangeExtension(spoken, ".out.wav");
        await RunAsync("espeak-ng", "-v", "en-us", "-w", spoken, phrase);
        await RunAsync("sox", spoken, "-r", rate.ToString(System.Globalization.CultureInfo.InvariantCulture), "-b", "16", "-c", "1", output,
            "pad", padSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture), padSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        File.Delete(spoken);
        return output;
    }

    private static async Task RunAsync(string fileName, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var error = await process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"{fileName} failed: {error}");
    }
}
