using System.Globalization;
using System.Text.RegularExpressions;

namespace OperatorOne.Bot.Core.Recognition;

/// <summary>
/// A number said in words after what it numbers, as speech recognizers write it: "ticket eighteen" → "ticket 18",
/// "approval request one hundred and two" → "approval request 102", "ticket one twenty" → "ticket 120". Elsewhere words
/// stay words ("raise an urgent one", "no one").
/// </summary>
internal static partial class SpokenNumbers
{
    private static readonly string[] Units =
    [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen",
        "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
    ];

    private static readonly string[] Tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

    public static string Digits(string text) =>
        text.Length == 0 ? text : Counted().Replace(text, m => Said(m.Groups["num"].Value) is var (value, used) && used > 0
            ? m.Groups["lead"].Value + value.ToString(CultureInfo.InvariantCulture) + m.Groups["num"].Value[used..]
            : m.Value);

    /// <summary>The value of the longest run of number words at the start of <paramref name="words"/>, and how many characters it took.</summary>
    internal static (int Value, int Used) Said(string words)
    {
        var tokens = Word().Matches(words);
        if (DigitByDigit(tokens) is { } read)
        {
            return read;
        }
        int total = 0, current = 0, used = 0, usedBeforeAnd = 0;
        var last = Kind.None;
        foreach (Match token in tokens)
        {
            var word = token.Value.ToLowerInvariant();
            var unit = Array.IndexOf(Units, word);
            var tens = Array.IndexOf(Tens, word);
            Kind next;
            if (unit >= 0 && (last is Kind.None or Kind.Hundred or Kind.Thousand or Kind.And || (last == Kind.Tens && unit is >= 1 and <= 9 && current % 10 == 0)))
            {
                current += unit;
                next = unit is >= 1 and <= 9 ? Kind.Unit : Kind.Teen;
            }
            else if (tens >= 2 && last is Kind.None or Kind.Hundred or Kind.Thousand or Kind.And)
            {
                current += tens * 10;
                next = Kind.Tens;
            }
            else if (tens >= 2 && last == Kind.Unit && current < 10)
            {
                // "ticket one twenty": hundreds said as a digit, the way numbers are read out.
                current = (current * 100) + (tens * 10);
                next = Kind.Tens;
            }
            else if (word == "hundred" && last is Kind.Unit or Kind.Teen && current is > 0 and < 100)
            {
                current *= 100;
                next = Kind.Hundred;
            }
            else if (word == "thousand" && last is Kind.Unit or Kind.Teen or Kind.Tens or Kind.Hundred && total == 0 && current > 0)
            {
                (total, current) = (current * 1000, 0);
                next = Kind.Thousand;
            }
            else if (word == "and" && last is Kind.Hundred or Kind.Thousand)
            {
                usedBeforeAnd = used;
                next = Kind.And;
            }
            else
            {
                break;
            }
            last = next;
            used = token.Index + token.Length;
        }
        // "ticket five hundred and the printer": an "and" no number follows is not part of it.
        return last == Kind.And ? (total + current, usedBeforeAnd) : (total + current, used);
    }

    /// <summary>"ticket four two one": three to six digits read out one by one are one number (a leading "zero" is a phone number's).</summary>
    private static (int Value, int Used)? DigitByDigit(MatchCollection tokens)
    {
        var digits = new System.Text.StringBuilder();
        var used = 0;
        foreach (Match token in tokens)
        {
            var unit = Array.IndexOf(Units, token.Value.ToLowerInvariant());
            if (unit is < 0 or > 9 || (digits.Length > 0 && token.Index != used + 1))
            {
                break;
            }
            digits.Append(unit);
            used = token.Index + token.Length;
        }
        return digits.Length is >= 3 and <= 6 && digits[0] != '0' ? (int.Parse(digits.ToString(), CultureInfo.InvariantCulture), used) : null;
    }

    private enum Kind
    {
        None,
        Unit,
        Teen,
        Tens,
        Hundred,
        Thousand,
        And,
    }

    [GeneratedRegex(@"[a-z]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Word();

    [GeneratedRegex(@"(?<lead>\b(ticket|tix|number|event|approval|request|webhook|delivery) #?)(?<num>(zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)\b([ -](zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|and)\b)*)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Counted();
}
