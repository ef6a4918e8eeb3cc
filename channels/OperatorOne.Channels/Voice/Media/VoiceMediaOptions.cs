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

    /// <summary>
    /// How long a caller's turn may run before they hear a holding phrase: a Gather webhook is then answered with
    /// "One moment." and a redirect that waits this long again for the answer; a stream says it and speaks the answer
    /// when it comes. Twilio gives up on a webhook after 15 seconds, so this stays well below.
    /// </summary>
    public TimeSpan TurnBudget { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How many times a Gather call is held again for a slow answer before the caller hears an apology.</summary>
    public int MaxHolds { get; set; } = 4;
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
        if (options.TurnBudget <= TimeSpan.Zero || options.TurnBudget > TimeSpan.FromSeconds(12))
        {
            failures.Add("Voice:TurnBudget must be more than 0 and at most 00:00:12 (Twilio gives up on a webhook after 15 seconds).");
        }
        if (options.MaxHolds is < 1 or > 20)
        {
            failures.Add("Voice:MaxHolds must be between 1 and 20.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
