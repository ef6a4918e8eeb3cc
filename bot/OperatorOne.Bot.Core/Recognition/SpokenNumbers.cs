using System.Globalization;
using System.Text.RegularExpressions;

namespace OperatorOne.Bot.Core.Recognition;

/// <summary>
/// A number said in words after what it numbers, as speech recognizers write it: "ticket eighteen" → "ticket 18",
/// "webhook twenty one" → "webhook 21". Elsewhere words stay words ("raise an urgent one", "no one").
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
        text.Length == 0 ? text : Counted().Replace(text, m => m.Groups["lead"].Value + Value(m.Groups["tens"].Value, m.Groups["unit"].Value).ToString(CultureInfo.InvariantCulture));

    private static int Value(string tens, string unit) =>
        (tens.Length > 0 ? Array.IndexOf(Tens, tens.ToLowerInvariant()) * 10 : 0) + (unit.Length > 0 ? Array.IndexOf(Units, unit.ToLowerInvariant()) : 0);

    [GeneratedRegex(@"(?<lead>\b(ticket|number|event|approval|request|webhook|delivery) #?)((?<tens>twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)([ -](?<unit>one|two|three|four|five|six|seven|eight|nine))?|(?<unit>zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen))\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Counted();
}
