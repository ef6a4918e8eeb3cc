namespace OperatorOne.Skills.Crm;

/// <summary>A sum said in words, as a speech recognizer writes it: "eight thousand euros", "twenty five hundred dollars".</summary>
internal static class CrmSpokenAmounts
{
    private const string Word = "(a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million)";
    private const string Money = "(euros?|dollars?|pounds?|francs?|usd|eur|gbp|chf|nok|sek|dkk)";

    /// <summary>Number words ending in a scale or followed by a currency word: "five" alone is no sum ("five new laptops").</summary>
    public const string Pattern = $"({Word}[ -](and )?)*({Word} {Money}|(hundred|thousand|million)( {Money})?)";

    private static readonly string[] Units =
    [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen",
        "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
    ];

    private static readonly string[] Tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

    /// <summary>The sum and the currency word after it, or null when the words are not a sum.</summary>
    public static (decimal Amount, string? Word)? Read(string text)
    {
        var words = text.Trim().ToLowerInvariant().Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries).Where(w => w != "and").ToList();
        string? currency = null;
        if (words.Count > 1 && Value([words[^1]]) is null)
        {
            currency = words[^1];
            words.RemoveAt(words.Count - 1);
        }
        return Value(words) is { } amount ? (amount, currency) : null;
    }

    private static decimal? Value(List<string> words)
    {
        decimal total = 0, group = 0;
        foreach (var word in words)
        {
            if (Array.IndexOf(Units, word) is var unit and >= 0)
            {
                group += unit;
            }
            else if (Array.IndexOf(Tens, word) is var tens and >= 2)
            {
                group += tens * 10;
            }
            else if (word == "a")
            {
                group = Math.Max(group, 1);
            }
            else if (word is "hundred" or "thousand" or "million")
            {
                var scale = word switch { "hundred" => 100m, "thousand" => 1_000m, _ => 1_000_000m };
                // "twenty five hundred" is 2,500; "two thousand five hundred" adds its hundreds to the thousands.
                if (scale == 100m)
                {
                    group = Math.Max(group, 1) * scale;
                }
                else
                {
                    total += Math.Max(group, 1) * scale;
                    group = 0;
                }
            }
            else
            {
                return null;
            }
        }
        return words.Count == 0 ? null : total + group;
    }
}
