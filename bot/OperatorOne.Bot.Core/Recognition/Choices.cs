using System.Globalization;

namespace OperatorOne.Bot.Core.Recognition;

/// <summary>Which offered choice an answer means: "2", "the second one", "Globex", "Dana Lee" — or null when unclear.</summary>
public static class Choices
{
    private static readonly string[] Ordinals = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"];
    private static readonly HashSet<string> Filler = new(StringComparer.OrdinalIgnoreCase) { "the", "one", "at", "from", "with", "of", "i", "mean", "meant", "please", "that", "who", "works", "is", "in", "option", "number", "no" };

    public static string? Pick(string answer, IReadOnlyList<string> choices)
    {
        if (choices.Count == 0)
        {
            return null;
        }
        var words = Words(answer).Where(w => !Filler.Contains(w)).ToList();
        if (words.Count == 1 && Position(words[0]) is { } index)
        {
            return index < choices.Count ? choices[index] : null;
        }
        var exact = choices.Where(c => string.Equals(c.Trim(), answer.Trim(), StringComparison.OrdinalIgnoreCase)).ToList();
        if (exact.Count == 1)
        {
            return exact[0];
        }
        if (words.Count == 0)
        {
            return null;
        }
        var hits = choices.Where(c => words.All(w => Words(c).Contains(w, StringComparer.OrdinalIgnoreCase))).ToList();
        return hits.Count == 1 ? hits[0] : null;
    }

    private static int? Position(string word)
    {
        if (int.TryParse(word.TrimStart('#').TrimEnd('.'), NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1)
        {
            return number - 1;
        }
        var ordinal = Array.FindIndex(Ordinals, o => string.Equals(o, word, StringComparison.OrdinalIgnoreCase));
        return ordinal >= 0 ? ordinal : null;
    }

    private static string[] Words(string text) =>
        text.Split([' ', ',', '.', '?', '!', '(', ')', ':'], StringSplitOptions.RemoveEmptyEntries);
}
