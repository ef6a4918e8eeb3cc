using System.Text.RegularExpressions;

namespace OperatorOne.Bot.Core.Ai;

/// <summary>
/// Replaces personal data with placeholders before text leaves for a provider ("[EMAIL_1]"), and puts it back where
/// that is safe: in tool arguments and in the reply. Card numbers (Luhn-checked) come back only as their last four digits.
/// One per turn, so the same value keeps the same placeholder in the question, the tool results and the answer.
/// Digits next to the word PIN or passcode become "[SECRET_1]" and never come back: the turns that set a PIN are
/// not sent at all (<see cref="SecretTurns"/>); this catches one volunteered in passing ("my pin 4821 fails").
/// </summary>
public sealed partial class Redactor(IEnumerable<Regex> nationalIds)
{
    private readonly Dictionary<string, string> _byValue = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _byPlaceholder = new(StringComparer.Ordinal);

    public int Count => _byPlaceholder.Count;

    /// <summary>Whether <see cref="Redact"/> masks a PIN-like secret in this text.</summary>
    public static bool HasSecret(string text) => SecretCue().IsMatch(text) && SecretDigits().IsMatch(text);

    public string Redact(string text)
    {
        if (SecretCue().IsMatch(text))
        {
            // Before the phone pattern, which would read a 7- or 8-digit PIN as a restorable number.
            text = SecretDigits().Replace(text, m => Placeholder("SECRET", m.Value));
        }
        text = Email().Replace(text, m => Placeholder("EMAIL", m.Value));
        text = CardCandidate().Replace(text, m => IsLuhnValid(m.Value) ? Placeholder("CARD", m.Value) : m.Value);
        foreach (var pattern in nationalIds)
        {
            text = pattern.Replace(text, m => Placeholder("ID", m.Value));
        }
        return Phone().Replace(text, m => m.Value.Count(char.IsDigit) >= 7 ? Placeholder("PHONE", m.Value) : m.Value);
    }

    /// <summary>The original values back, except card numbers, which stay masked, and secrets, which never come back.</summary>
    public string Restore(string text) => PlaceholderPattern().Replace(text, m =>
        !_byPlaceholder.TryGetValue(m.Value, out var original) ? m.Value
        : m.Value.StartsWith("[SECRET", StringComparison.Ordinal) ? SecretMask
        : m.Value.StartsWith("[CARD", StringComparison.Ordinal) ? $"card ending {new string([.. original.Where(char.IsDigit)])[^4..]}"
        : original);

    /// <summary>What a secret placeholder becomes in a reply or tool argument: not the digits, not even how many.</summary>
    public const string SecretMask = "••••";

    private string Placeholder(string kind, string value)
    {
        // By kind too: digits once seen as a phone number must not come back when they are later a PIN.
        var key = $"{kind}:{value}";
        if (_byValue.TryGetValue(key, out var known))
        {
            return known;
        }
        var placeholder = $"[{kind}_{_byPlaceholder.Count(p => p.Key.StartsWith($"[{kind}_", StringComparison.Ordinal)) + 1}]";
        _byValue[key] = placeholder;
        _byPlaceholder[placeholder] = value;
        return placeholder;
    }

    public static bool IsLuhnValid(string candidate)
    {
        var digits = candidate.Where(char.IsDigit).Select(c => c - '0').ToArray();
        if (digits.Length is < 13 or > 19)
        {
            return false;
        }
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i];
            if (i % 2 == 1)
            {
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            }
            sum += d;
        }
        return sum % 10 == 0;
    }

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")]
    private static partial Regex Email();

    [GeneratedRegex(@"\b\d(?:[ -]?\d){12,18}\b")]
    private static partial Regex CardCandidate();

    [GeneratedRegex(@"(?<![\w#])\+?\d[\d ().-]{6,}\d\b")]
    private static partial Regex Phone();

    [GeneratedRegex(@"\b(pin|pins|pin code|pin number|passcode|pass code|password|passwort)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SecretCue();

    /// <summary>4 to 8 digits (spaces or dashes between), alone: not part of a word, a "#12" reference or a longer number.</summary>
    [GeneratedRegex(@"(?<![\w#]|\d[ .,-])\d(?:[ -]?\d){3,7}(?![ .,-]?\d)(?!\w)", RegexOptions.CultureInvariant)]
    private static partial Regex SecretDigits();

    [GeneratedRegex(@"\[(EMAIL|CARD|PHONE|ID|SECRET)_\d+\]")]
    private static partial Regex PlaceholderPattern();
}
