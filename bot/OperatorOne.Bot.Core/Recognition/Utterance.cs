using System.Text.RegularExpressions;

namespace OperatorOne.Bot.Core.Recognition;

/// <summary>
/// One way of saying a tool's name: a regular expression whose named groups are the tool's parameter names,
/// plus slots it implies ("close ticket 12" sets status=closed).
/// </summary>
public sealed partial record Utterance(Regex Pattern)
{
    public IReadOnlyDictionary<string, string> Implies { get; init; } = new Dictionary<string, string>();

    /// <summary>The example sentence this was made from ("where is order {order_id}"), when it was made from one.</summary>
    public string? Example { get; init; }

    public static Utterance Of(string pattern) => new(Compile(pattern));

    public static Utterance Of(string pattern, IReadOnlyDictionary<string, string> implies) =>
        new(Compile(pattern)) { Implies = implies };

    /// <summary>
    /// From an example sentence whose <c>{name}</c> placeholders are slots: "where is order {order_id}" matches
    /// "Where is order 1042?" with order_id = "1042". The words are matched as written, case and final punctuation aside.
    /// </summary>
    public static Utterance FromExample(string example)
    {
        var text = UtteranceMatcher.Normalize(example.ToLowerInvariant());
        var pattern = new System.Text.StringBuilder();
        var at = 0;
        foreach (Match slot in Placeholder().Matches(text))
        {
            pattern.Append(Regex.Escape(text[at..slot.Index])).Append("(?<").Append(slot.Groups[1].Value).Append(">.+?)");
            at = slot.Index + slot.Length;
        }
        pattern.Append(Regex.Escape(text[at..]));
        return new Utterance(Compile(pattern.ToString())) { Example = example };
    }

    /// <summary>The parameter names an example's placeholders name.</summary>
    public static IEnumerable<string> Slots(string example) => Placeholder().Matches(example).Select(m => m.Groups[1].Value);

    private static Regex Compile(string pattern) =>
        new($"^(?:{pattern})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture,
            TimeSpan.FromMilliseconds(100));

    [GeneratedRegex(@"\{([a-z][a-z0-9_]*)\}")]
    private static partial Regex Placeholder();
}
