using System.Text.RegularExpressions;

namespace OperatorOne.Bot.Core.Ai;

/// <summary>Checks on what goes to the model and what comes back: size, injection phrasing, leaked secrets.</summary>
public static partial class Guardrails
{
    /// <summary>Phrasings of "forget your instructions"; flagged and audited. The approval gate, not this, is the defence.</summary>
    public static bool LooksLikeInjection(string text) => Injection().IsMatch(text);

    /// <summary>True when the reply contains one of the configured secrets (keys, tokens) of at least 8 characters.</summary>
    public static bool LeaksSecret(string reply, IEnumerable<string?> secrets) =>
        secrets.Any(s => s is { Length: >= 8 } && reply.Contains(s, StringComparison.Ordinal));

    [GeneratedRegex(@"\b(ignore|disregard|forget|override)\b.{0,30}\b(rules|instructions|prompt|guidelines)\b|\byou are now\b|^\s*system\s*:|\bjailbreak\b|\bdeveloper mode\b",
        RegexOptions.IgnoreCase | RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex Injection();
}
