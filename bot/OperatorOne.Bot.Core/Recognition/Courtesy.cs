using System.Text.RegularExpressions;

namespace OperatorOne.Bot.Core.Recognition;

/// <summary>
/// The words around a request that carry no meaning for a tool ("could you please …", "… thanks", "i want to …"),
/// removed so every pattern need not spell them out.
/// </summary>
public static partial class Courtesy
{
    public static string Strip(string text)
    {
        var stripped = Trailing().Replace(Leading().Replace(text, ""), "");
        return stripped.Length == 0 ? text : stripped;
    }

    [GeneratedRegex(@"^(?:(?:please|pls|plz|kindly|ok|okay|so|hey|hi|hello|hiya|howdy|(?:hi|hey|hello) (?:there|all|team|everyone)|good (?:morning|afternoon|evening)|can you|could you|would you|will you|can u|could u|i (?:want|need|would like|wanna) to|i'?d like to|let'?s|go ahead and)[,!.]? )+",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Leading();

    [GeneratedRegex(@"(?:,? (?:please|pls|plz|thanks|thank you|thx|now|for me|asap))+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Trailing();
}
