using System.Globalization;
using System.Text.RegularExpressions;

namespace OperatorOne.Bot.Core.Recognition;

/// <summary>
/// Days and hours said in words, as speech recognizers write them, in the figures <see cref="NaturalDates"/> reads:
/// "the thirtieth of january" → "the 30th of january", "february twenty eighth" → "february 28th", "at three thirty" →
/// "at 3:30", "ten am" → "10am". An ordinal counts as a day only after "the" or a month, an hour only after "at" or
/// before am/pm, so "the second floor" or "ten weeks" stay words.
/// </summary>
internal static partial class SpokenTimes
{
    private static readonly string[] Ordinals =
    [
        "", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth",
        "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth",
    ];

    public static string Digits(string text)
    {
        var days = DayOfMonth().Replace(text, m =>
        {
            var day = Array.IndexOf(Ordinals, m.Groups["unit"].Value.ToLowerInvariant())
                + (m.Groups["tens"].Value.ToLowerInvariant() switch { "twenty" => 20, "thirty" => 30, _ => 0 });
            day = m.Groups["unit"].Success ? day : m.Groups["whole"].Value.Equals("thirtieth", StringComparison.OrdinalIgnoreCase) ? 30 : 20;
            return day.ToString(CultureInfo.InvariantCulture) + Suffix(day);
        });
        return Hour().Replace(days, m =>
        {
            var hour = SpokenHours.Of(m.Groups["h"].Value) ?? 0;
            var minutes = m.Groups["m"].Value.ToLowerInvariant().Replace('-', ' ') switch
            {
                "fifteen" => ":15",
                "thirty" => ":30",
                "forty five" => ":45",
                _ => "",
            };
            return m.Groups["at"].Value + hour.ToString(CultureInfo.InvariantCulture) + minutes + m.Groups["ampm"].Value;
        });
    }

    private static string Suffix(int day) => (day % 10, day / 10) switch
    {
        (_, 1) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };

    [GeneratedRegex(@"(?<=\b(the|jan(uary)?|feb(ruary)?|march|apr(il)?|may|june?|july?|aug(ust)?|sept?(ember)?|oct(ober)?|nov(ember)?|dec(ember)?) )(?<whole>((?<tens>twenty|thirty)[ -])?(?<unit>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|(?<unit>tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth)|twentieth|thirtieth)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DayOfMonth();

    /// <summary>"at eleven", "at nine thirty", "three pm", "seven o'clock": an hour in words, said after "at" or before am/pm/o'clock.</summary>
    [GeneratedRegex(@"(?<at>\bat )(?<h>one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)( (?<m>fifteen|thirty|forty[ -]five))?( ?(?<ampm>am|pm|a\.m\.|p\.m\.)| o'?clock)?(?!\w)|\b(?<h>one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)( (?<m>fifteen|thirty|forty[ -]five))?( (?<ampm>am|pm|a\.m\.|p\.m\.)| o'?clock)(?!\w)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Hour();
}
