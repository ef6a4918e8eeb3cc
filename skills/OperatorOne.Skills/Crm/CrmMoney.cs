using System.Globalization;
using System.Text.RegularExpressions;

namespace OperatorOne.Skills.Crm;

/// <summary>"12,000 EUR", "$5k", "€ 1.5m", "2500 dollars" → an amount and, when said, an ISO 4217 currency.</summary>
internal static partial class CrmMoney
{
    /// <summary>The amounts utterances capture (no named groups: the tool parameter's group wraps it); a comma inside the number groups thousands, one after it ends the amount ("for 8000, currency CHF").</summary>
    public const string Pattern = @"([$€£]? ?\d+(,\d{3})*(\.\d+)? ?(k|m|thousand|million)?( ?([a-z]{3}|euros?|dollars?|pounds?|francs?))?|" + CrmSpokenAmounts.Pattern + ")";

    private const decimal Largest = 999_999_999_999m;

    public static (decimal Amount, string? Currency)? Parse(string text)
    {
        var match = Amount().Match(text.Trim().ToLowerInvariant());
        if (!match.Success && CrmSpokenAmounts.Read(text) is { } said)
        {
            return said.Amount is > 0 and <= Largest ? (said.Amount, Currency(said.Word)) : null;
        }
        if (!match.Success || !decimal.TryParse(match.Groups["n"].Value.Replace(",", "", StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture, out var amount))
        {
            return null;
        }
        amount *= match.Groups["scale"].Value switch { "k" or "thousand" => 1_000m, "m" or "million" => 1_000_000m, _ => 1m };
        if (amount > Largest)
        {
            return null;
        }
        var currency = match.Groups["symbol"].Value switch
        {
            "$" => "USD",
            "€" => "EUR",
            "£" => "GBP",
            _ => Currency(match.Groups["code"].Value),
        };
        return (decimal.Round(amount, 2), currency);
    }

    /// <summary>An ISO code or a currency word as typed; null when none was said.</summary>
    public static string? Currency(string? word) => (word ?? "").Trim().ToLowerInvariant() switch
    {
        "" => null,
        "euro" or "euros" => "EUR",
        "dollar" or "dollars" => "USD",
        "pound" or "pounds" => "GBP",
        "franc" or "francs" => "CHF",
        var code when code.Length == 3 && code.All(char.IsAsciiLetterLower) => code.ToUpperInvariant(),
        _ => null,
    };

    [GeneratedRegex(@"^(?<symbol>[$€£])? ?(?<n>\d[\d,]*(\.\d+)?) ?(?<scale>k|m|thousand|million)?( ?(?<code>[a-z]{3}|euros?|dollars?|pounds?|francs?))?$")]
    private static partial Regex Amount();
}
