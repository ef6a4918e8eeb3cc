using Microsoft.Extensions.Options;

namespace OperatorOne.Channels.Voice.Media;

internal enum VoiceMode { Gather, Stream }

/// <summary>
/// How calls are conducted (section "Voice"): Gather = Twilio's speech recognition, one webhook per turn; Stream =
/// the call's audio over a Media Streams WebSocket, recognized and spoken by the bot's own speech engines.
/// </summary>
internal sealed class VoiceMediaOptions
{
    public const string Section = "Voice";

    public VoiceMode Mode { get; set; } = VoiceMode.Gather;

    /// <summary>RMS level (16-bit samples) above which a 20 ms frame counts as speech.</summary>
    public double SpeechThreshold { get; set; } = 400;

    /// <summary>Quiet after speech that ends an utterance; shorter answers sooner but cuts slow talkers.</summary>
    public int EndOfSpeechMilliseconds { get; set; } = 500;

    /// <summary>An utterance is cut here and recognized, so a noisy line cannot hold the turn forever.</summary>
    public int MaxUtteranceSeconds { get; set; } = 15;
}

internal sealed class VoiceMediaOptionsValidator : IValidateOptions<VoiceMediaOptions>
{
    public ValidateOptionsResult Validate(string? name, VoiceMediaOptions options)
    {
        var failures = new List<string>();
        if (options.SpeechThreshold is <= 0 or > 32767)
        {
            failures.Add("Voice:SpeechThreshold must be between 1 and 32767.");
        }
        if (options.EndOfSpeechMilliseconds is < 100 or > 5000)
        {
            failures.Add("Voice:EndOfSpeechMilliseconds must be between 100 and 5000.");
        }
        if (options.MaxUtteranceSeconds is < 1 or > 55)
        {
            // Azure's short-audio recognition takes at most 60 s.
            failures.Add("Voice:MaxUtteranceSeconds must be between 1 and 55.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
