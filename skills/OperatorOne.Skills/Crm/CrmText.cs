using System.Globalization;

namespace OperatorOne.Skills.Crm;

internal static class CrmText
{
    private static readonly string[] Counts = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];

    /// <summary>"There are two Danas: Dana Lee at Acme or Dana Ortiz at Globex?"</summary>
    public static string WhichOne(string name, IReadOnlyList<CrmRecord> candidates)
    {
        var word = name.Trim();
        word = word.Length == 0 ? "matches" : char.ToUpperInvariant(word[0]) + word[1..];
        var plural = word.EndsWith('s') ? word + "es" : word + "s";
        return $"There are {Count(candidates.Count)} {plural}: {Or(candidates.Select(c => c.Label).ToList())}?";
    }

    public static string Count(int n) => n < Counts.Length ? Counts[n] : n.ToString(CultureInfo.InvariantCulture);

    public static string Or(IReadOnlyList<string> items) =>
        items.Count <= 1 ? string.Join("", items) : $"{string.Join(", ", items.Take(items.Count - 1))} or {items[^1]}";

    public static string Money(decimal value, string currency) =>
        $"{value.ToString("#,0.##", CultureInfo.InvariantCulture)} {currency.Trim()}";

    /// <summary>"Fri 18 Dec".</summary>
    public static string Day(DateOnly date) => date.ToString("ddd d MMM", CultureInfo.InvariantCulture);

    public static string Word<TEnum>(TEnum value) where TEnum : struct, Enum => value.ToString().ToLowerInvariant();

    public static string Plural(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n.ToString(CultureInfo.InvariantCulture)} {noun}s";
}
