namespace OperatorOne.Channels.Voice.Media;

internal enum VoiceActivity { Silence, SpeechStarted, Speaking, UtteranceEnded }

/// <summary>
/// Finds utterances in a stream of 20 ms frames by energy: speech starts after a few loud frames, ends after a
/// hangover of quiet ones (so the pauses between words do not cut a sentence) or when it grows too long.
/// Pure state machine: frames in, decisions out.
/// </summary>
internal sealed class VoiceActivityDetector(VoiceActivitySettings settings)
{
    private readonly List<short> _utterance = [];
    private readonly Queue<short[]> _preRoll = new();
    private int _loudFrames;
    private int _quietFrames;
    private int _speechFrames;

    public bool InSpeech { get; private set; }

    /// <summary>The audio of the utterance that just ended (valid after <see cref="VoiceActivity.UtteranceEnded"/>).</summary>
    public short[] Utterance { get; private set; } = [];

    public VoiceActivity Feed(ReadOnlySpan<short> frame)
    {
        var loud = Rms(frame) >= settings.Threshold;
        if (!InSpeech)
        {
            _preRoll.Enqueue(frame.ToArray());
            if (_preRoll.Count > settings.PreRollFrames + settings.StartFrames)
            {
                _preRoll.Dequeue();
            }
            _loudFrames = loud ? _loudFrames + 1 : 0;
            if (_loudFrames < settings.StartFrames)
            {
                return VoiceActivity.Silence;
            }
            InSpeech = true;
            _utterance.Clear();
            foreach (var earlier in _preRoll)
            {
                _utterance.AddRange(earlier);
            }
            _preRoll.Clear();
            _quietFrames = 0;
            _speechFrames = settings.StartFrames;
            return VoiceActivity.SpeechStarted;
        }
        _utterance.AddRange(frame);
        _speechFrames++;
        _quietFrames = loud ? 0 : _quietFrames + 1;
        if (_quietFrames < settings.HangoverFrames && _speechFrames < settings.MaxUtteranceFrames)
        {
            return VoiceActivity.Speaking;
        }
        InSpeech = false;
        _loudFrames = 0;
        Utterance = _utterance.ToArray();
        _utterance.Clear();
        return VoiceActivity.UtteranceEnded;
    }

    public static double Rms(ReadOnlySpan<short> frame)
    {
        if (frame.Length == 0)
        {
            return 0;
        }
        double sum = 0;
        foreach (var sample in frame)
        {
            sum += (double)sample * sample;
        }
        return Math.Sqrt(sum / frame.Length);
    }
}

/// <summary>VAD tuning in 20 ms frames; <see cref="Threshold"/> is an RMS level of 16-bit samples.</summary>
internal sealed record VoiceActivitySettings
{
    public double Threshold { get; init; } = 400;
    public int StartFrames { get; init; } = 3;
    public int HangoverFrames { get; init; } = 25;
    public int PreRollFrames { get; init; } = 10;
    public int MaxUtteranceFrames { get; init; } = 750;

    public static VoiceActivitySettings From(VoiceMediaOptions options) => new()
    {
        Threshold = options.SpeechThreshold,
        HangoverFrames = Math.Max(1, options.EndOfSpeechMilliseconds / 20),
        MaxUtteranceFrames = Math.Max(2, options.MaxUtteranceSeconds * 50),
    };
}
