using OperatorOne.Channels.Voice.Media;

namespace OperatorOne.Tests.VoiceMedia;

/// <summary>The pure audio code: G.711 μ-law, resampling, and voice activity detection on synthetic signals.</summary>
public sealed class AudioTests
{
    [Fact]
    public void MuLawRoundTripsEveryCodeAndKeepsSamplesWithinItsQuantizationStep()
    {
        for (var code = 0; code < 256; code++)
        {
            var decoded = MuLaw.Decode((byte)code);
            // 0x7F and 0xFF are both zero; every other code survives exactly.
            Assert.Equal(code == 0x7F ? 0xFF : code, MuLaw.Encode(decoded));
        }
        foreach (var sample in new short[] { 0, 1, -1, 100, -100, 1000, -1000, 12345, -12345, 32767, -32768 })
        {
            var back = MuLaw.Decode(MuLaw.Encode(sample));
            Assert.True(Math.Abs(back - sample) <= Math.Max(8, Math.Abs((int)sample) / 16), $"{sample} came back as {back}");
        }
        Assert.Equal(0xFF, MuLaw.Encode(0));
    }

    [Fact]
    public void ResamplingKeepsATonesFrequencyAndLength()
    {
        var tone = Sine(440, 8000, 8000, 8000);

        var up = Resampler.Resample(tone, 8000, 16_000);
        var down = Resampler.Resample(up, 16_000, 8000);

        Assert.Equal(16_000, up.Length);
        Assert.Equal(8000, down.Length);
        Assert.InRange(ZeroCrossings(up), 870, 890);
        Assert.InRange(ZeroCrossings(down), 870, 890);
        Assert.InRange(VoiceActivityDetector.Rms(down), 5000, 6000);
    }

    [Fact]
    public void TheRecognizersUpsamplingMirrorsTheSpectrumInsteadOfInterpolating()
    {
        var widened = Resampler.Mirror8kTo16k([100, 200, 300]);

        Assert.Equal(new short[] { 100, 0, 200, 0, 300, 0 }, widened);
    }

    [Fact]
    public void AnUtteranceStartsOnSpeechSurvivesShortPausesAndEndsAfterTheHangover()
    {
        var vad = new VoiceActivityDetector(new VoiceActivitySettings { Threshold = 400, StartFrames = 3, HangoverFrames = 10, PreRollFrames = 2 });
        var quiet = new short[160];
        var loud = Sine(300, 8000, 160, 3000);
        var events = new List<VoiceActivity>();

        events.AddRange(Feed(vad, quiet, 5));
        events.AddRange(Feed(vad, loud, 20));
        events.AddRange(Feed(vad, quiet, 5));
        events.AddRange(Feed(vad, loud, 10));
        events.AddRange(Feed(vad, quiet, 10));

        Assert.Equal(1, events.Count(e => e == VoiceActivity.SpeechStarted));
        Assert.Equal(VoiceActivity.UtteranceEnded, events[^1]);
        Assert.Equal(1, events.Count(e => e == VoiceActivity.UtteranceEnded));
        // Pre-roll (2 quiet frames) + the 3 start frames + everything after, through the hangover.
        Assert.Equal((2 + 20 + 5 + 10 + 10) * 160, vad.Utterance.Length);
        Assert.False(vad.InSpeech);
    }

    [Fact]
    public void NoiseBelowTheThresholdNeverStartsAnUtteranceAndEndlessSpeechIsCut()
    {
        var vad = new VoiceActivityDetector(new VoiceActivitySettings { Threshold = 400, StartFrames = 3, HangoverFrames = 10, MaxUtteranceFrames = 50 });

        Assert.All(Feed(vad, Sine(300, 8000, 160, 200), 100), e => Assert.Equal(VoiceActivity.Silence, e));

        var events = Feed(vad, Sine(300, 8000, 160, 3000), 60);
        Assert.Equal(VoiceActivity.UtteranceEnded, events[49]);
    }

    private static List<VoiceActivity> Feed(VoiceActivityDetector vad, short[] frame, int count) =>
        Enumerable.Range(0, count).Select(_ => vad.Feed(frame)).ToList();

    private static short[] Sine(double frequency, int rate, int length, double amplitude = 8000) =>
        Enumerable.Range(0, length).Select(i => (short)(amplitude * Math.Sin(2 * Math.PI * frequency * i / rate))).ToArray();

    private static int ZeroCrossings(short[] samples) =>
        Enumerable.Range(1, samples.Length - 1).Count(i => (samples[i - 1] < 0) != (samples[i] < 0));
}
