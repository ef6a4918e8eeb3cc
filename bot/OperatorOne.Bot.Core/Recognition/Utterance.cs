using System.Text.RegularExpressions;

namespace OperatorOne.Bot.Core.Recognition;

/// <summary>
/// One way of saying a tool's name: a regular expression whose named groups are the tool's parameter names,
/// plus slots it implies ("close ticket 12" sets status=closed).
/// </summary>
public sealed record Utterance(Regex Pattern)
{
    public IReadOnlyDictionary<string, string> Implies { get; init; } = new Dictionary<string, string>();

    public static Utterance Of(string pattern) => new(Compile(pattern));

    public static Utterance Of(string pattern, IReadOnlyDictionary<string, string> implies) =>
        new(Compile(pattern)) { Implies = implies };

    private static Regex Compile(string pattern) =>
        new($"^(?:{pattern})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture,
            TimeSpan.FromMilliseconds(100));
}
