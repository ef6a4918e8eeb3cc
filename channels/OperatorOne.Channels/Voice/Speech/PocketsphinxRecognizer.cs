using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OperatorOne.Channels.Voice.Media;

namespace OperatorOne.Channels.Voice.Speech;

/// <summary>
/// Offline speech to text: pocketsphinx_continuous over a 16 kHz WAV with a JSGF grammar of what the bot understands
/// now. A loop of common filler words competes with the phrases, so out-of-grammar speech comes out as fillers
/// (or nothing) and is rejected instead of being forced onto the nearest phrase.
/// </summary>
internal sealed class PocketsphinxRecognizer(IOptions<SpeechOptions> options, ILogger<PocketsphinxRecognizer> logger) : ISpeechRecognizer
{
    public static readonly IReadOnlyList<string> Fillers =
    [
        "hello", "hi", "how", "are", "you", "today", "the", "a", "is", "what", "weather", "nice", "please", "thanks", "uh", "um",
        "i", "want", "can", "do", "that", "this", "go", "get", "new", "day", "time", "good", "call", "me", "we", "they", "and",
        "in", "on", "it", "of", "for", "with", "like", "know", "think", "really", "well", "so", "just",
    ];

    private readonly Lazy<Dictionary<string, List<string>>> _dictionary = new(() => ReadDictionary(options.Value.Offline.Model));

    public async Task<string?> RecognizeAsync(short[] audio, SpeechGrammar grammar, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var dictionary = _dictionary.Value;
        var directory = Directory.CreateTempSubdirectory("operatorone-asr-");
        try
        {
            var wav = Path.Combine(directory.FullName, "utterance.wav");
            var jsgf = Path.Combine(directory.FullName, "grammar.jsgf");
            var dict = Path.Combine(directory.FullName, "words.dict");
            await File.WriteAllBytesAsync(wav, Wav.Write(Resampler.Mirror8kTo16k(audio), 16_000), cancellationToken);
            var words = new HashSet<string>(StringComparer.Ordinal);
            var text = grammar.ToJsgf(Fillers, word =>
            {
                var known = dictionary.ContainsKey(word);
                if (known)
                {
                    words.Add(word);
                }
                return known;
            });
            await File.WriteAllTextAsync(jsgf, text, cancellationToken);
            // Only the grammar's words: loading the full 134,000-word dictionary took most of each recognition.
            await File.WriteAllLinesAsync(dict, words.Concat(SpeechGrammar.NumberWords).Distinct().SelectMany(w => dictionary[w]), cancellationToken);
            var model = settings.Offline.Model;
            string[] arguments =
            [
                "-infile", wav, "-jsgf", jsgf, "-logfn", "/dev/null",
                "-hmm", Path.Combine(model, "en-us"), "-dict", dict,
            ];
            var output = await SpeechProcess.RunAsync(settings.Offline.Pocketsphinx, arguments, null, TimeSpan.FromSeconds(settings.TimeoutSeconds), cancellationToken);
            // One line per segment pocketsphinx found; together they are what was said.
            var heard = string.Join(" ", Encoding.UTF8.GetString(output).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            var accepted = grammar.Accept(heard);
            logger.LogInformation("pocketsphinx heard '{Heard}', accepted '{Accepted}'", heard, accepted);
            return accepted;
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static Dictionary<string, List<string>> ReadDictionary(string model)
    {
        var path = Path.Combine(model, "cmudict-en-us.dict");
        if (!File.Exists(path))
        {
            throw new SpeechException($"The pocketsphinx dictionary {path} is missing; install pocketsphinx-en-us.");
        }
        var words = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path))
        {
            var end = line.IndexOfAny([' ', '(']);
            if (end > 0)
            {
                var word = line[..end];
                if (!words.TryGetValue(word, out var pronunciations))
                {
                    words[word] = pronunciations = [];
                }
                pronunciations.Add(line);
            }
        }
        return words;
    }
}
