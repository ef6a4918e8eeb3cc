using System.Text.RegularExpressions;
using OperatorOne.Bot.Core.Tools;

namespace OperatorOne.Bot.Core.Recognition;

/// <summary>
/// An event's title cut before the word saying what sort of get-together it is ("book a client lunch", "schedule support
/// sync", "the quarterly planning with ada"): only the tool's own kinds (meeting, campaign…) are no part of a title, so
/// any other such word stays with it.
/// </summary>
internal static partial class EventTitles
{
    public static void Complete(RegisteredTool tool, Dictionary<string, string> slots, string text)
    {
        if (!slots.TryGetValue("title", out var title) || tool.ParameterSchema("kind") is not { } kind || !kind.TryGetProperty("enum", out var kinds))
        {
            return;
        }
        var said = Regex.Match(text, $@"(?<![\w'])({Regex.Escape(title)}) (?<word>{Gathering})(?![\w'])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        if (said.Success && !kinds.EnumerateArray().Any(k => string.Equals(k.GetString(), said.Groups["word"].Value, StringComparison.OrdinalIgnoreCase)))
        {
            slots["title"] = $"{title} {said.Groups["word"].Value}";
        }
    }

    private const string Gathering = "sync|call|lunch|dinner|breakfast|coffee|planning|review|catch ?up|catch-up|stand-?up|retro|session|workshop|interview|training|demo|check-in|huddle|offsite|party|social";
}
