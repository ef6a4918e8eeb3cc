using System.Globalization;
using Microsoft.Extensions.Options;
using OperatorOne.Channels.Voice.Media;

namespace OperatorOne.Channels.Voice.Speech;

/// <summary>Offline text to speech: espeak-ng writes a WAV to stdout (text on stdin, never on the command line), resampled to 8 kHz μ-law here.</summary>
internal sealed class EspeakSynthesizer(IOptions<SpeechOptions> options) : ISpeechSynthesizer
{
    public async Task<byte[]> SynthesizeAsync(string text, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        string[] arguments =
        [
            "-v", settings.Offline.EspeakVoice, "-s", settings.Offline.WordsPerMinute.ToString(CultureInfo.InvariantCulture), "--stdin", "--stdout",
        ];
        var wav = await SpeechProcess.RunAsync(settings.Offline.Espeak, arguments, text, TimeSpan.FromSeconds(settings.TimeoutSeconds), cancellationToken);
        var (samples, rate) = Wav.Read(wav);
        return MuLaw.Encode(Resampler.Resample(samples, rate, 8000));
    }
}
