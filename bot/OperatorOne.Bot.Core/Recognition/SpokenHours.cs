namespace OperatorOne.Bot.Core.Recognition;

/// <summary>
/// An hour of the clock said in words ("nine", "twelve"), as speech recognizers write opening times and meeting times:
/// one list for the recognizer's times and the skills that read hours themselves (working hours, business hours).
/// </summary>
public static class SpokenHours
{
    /// <summary>The words, as a regular-expression alternation.</summary>
    public const string Pattern = "(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)";

    private static readonly string[] Words = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];

    /// <summary>1–12 for an hour word, else null.</summary>
    public static int? Of(string word) => Array.IndexOf(Words, word.Trim().ToLowerInvariant()) is >= 0 and var index ? index + 1 : null;
}
