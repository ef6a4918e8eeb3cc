using Microsoft.Extensions.Options;

namespace OperatorOne.Channels.Voice.Speech;

/// <summary>
/// The speech engines (section "Speech"). Offline (pocketsphinx + espeak-ng, Debian packages) unless an Azure key
/// and region are set, then Azure AI Speech over REST.
/// </summary>
public sealed class SpeechOptions
{
    public const string Section = "Speech";

    public OfflineSpeechOptions Offline { get; set; } = new();

    public AzureSpeechOptions Azure { get; set; } = new();

    /// <summary>A speech process (recognition or synthesis) is killed after this long, so a stuck tool never holds a call.</summary>
    public int TimeoutSeconds { get; set; } = 10;
}

public sealed class OfflineSpeechOptions
{
    public string Pocketsphinx { get; set; } = "/usr/bin/pocketsphinx_continuous";

    /// <summary>The pocketsphinx-en-us model: acoustic model in en-us/, dictionary cmudict-en-us.dict.</summary>
    public string Model { get; set; } = "/usr/share/pocketsphinx/model/en-us";

    public string Espeak { get; set; } = "/usr/bin/espeak-ng";

    public string EspeakVoice { get; set; } = "en-us";

    public int WordsPerMinute { get; set; } = 175;
}

public sealed class AzureSpeechOptions
{
    public string? Key { get; set; }

    public string? Region { get; set; }

    public string Language { get; set; } = "en-US";

    public string Voice { get; set; } = "en-US-JennyNeural";

    /// <summary>Replaces https://{region}.stt/tts.speech.microsoft.com (a private endpoint, or a local stand-in).</summary>
    public Uri? BaseUrl { get; set; }

    public bool IsEnabled => !string.IsNullOrWhiteSpace(Key) && !string.IsNullOrWhiteSpace(Region);
}

internal sealed class SpeechOptionsValidator : IValidateOptions<SpeechOptions>
{
    public ValidateOptionsResult Validate(string? name, SpeechOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Azure.Key) != string.IsNullOrWhiteSpace(options.Azure.Region))
        {
            failures.Add("Speech:Azure:Key and Speech:Azure:Region are set together (or neither, for the offline engines).");
        }
        if (options.Azure.Region is { Length: > 0 } region && !region.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c)))
        {
            failures.Add("Speech:Azure:Region is a region id such as westeurope.");
        }
        if (options.Azure.BaseUrl is { } url && (!url.IsAbsoluteUri || url.Scheme is not ("https" or "http")))
        {
            failures.Add("Speech:Azure:BaseUrl must be an absolute http(s) URL.");
        }
        if (options.TimeoutSeconds is < 1 or > 60)
        {
            failures.Add("Speech:TimeoutSeconds must be between 1 and 60.");
        }
        if (options.Offline.WordsPerMinute is < 80 or > 450)
        {
            failures.Add("Speech:Offline:WordsPerMinute must be between 80 and 450.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
