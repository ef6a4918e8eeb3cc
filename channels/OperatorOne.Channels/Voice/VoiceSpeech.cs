using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using OperatorOne.Bot.Core.Activities;

namespace OperatorOne.Channels.Voice;

/// <summary>A card button read out as a numbered choice: "say approve or press 1".</summary>
internal sealed record VoiceChoice(int Key, string Title, JsonNode Data);

/// <summary>What the caller hears for one turn's replies, and the choices the next keypress or word can pick.</summary>
internal sealed record VoiceAnswer(string Speech, IReadOnlyList<VoiceChoice> Choices);

/// <summary>
/// Turns replies into words for a phone: the tool's own spoken form when it has one, otherwise the text without
/// markup, long lists cut short, "#12" as "number 12", dates as words; a card's buttons become numbered choices.
/// </summary>
internal static partial class VoiceSpeech
{
    /// <summary>Past this many list lines a caller hears the first few and a count.</summary>
    public const int SpokenListItems = 3;

    public static VoiceAnswer Render(IReadOnlyList<Activity> replies)
    {
        var parts = new List<string>();
        var choices = new List<VoiceChoice>();
        foreach (var reply in replies)
        {
            var card = reply.Attachments?.Select(a => a.Content).OfType<JsonObject>().FirstOrDefault();
            var words = !string.IsNullOrWhiteSpace(reply.Speak) ? Clean(reply.Speak)
                : !string.IsNullOrWhiteSpace(reply.Text) ? SpeakText(reply.Text)
                : card is null ? "" : SpeakCard(card);
            if (words.Length > 0)
            {
                parts.Add(words);
            }
            foreach (var action in card?["actions"]?.AsArray().OfType<JsonObject>() ?? [])
            {
                if (action["type"]?.GetValue<string>() == "Action.Submit" && action["title"]?.GetValue<string>() is { } title && action["data"] is { } data)
                {
                    choices.Add(new VoiceChoice(choices.Count + 1, title, data.DeepClone()));
                }
            }
        }
        if (choices.Count > 0)
        {
            parts.Add(string.Join(" ", choices.Select(c => $"Say {Clean(c.Title).ToLowerInvariant()} or press {c.Key}.")));
        }
        return new VoiceAnswer(string.Join(" ", parts), choices);
    }

    /// <summary>Chat text to speech: one sentence per line, lists summarized.</summary>
    public static string SpeakText(string text)
    {
        var lines = text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var items = lines.Where(IsListItem).ToList();
        var spoken = new List<string>();
        var itemsSeen = 0;
        foreach (var line in lines)
        {
            if (IsListItem(line) && ++itemsSeen > SpokenListItems)
            {
                if (itemsSeen == items.Count)
                {
                    spoken.Add($"And {items.Count - SpokenListItems} more.");
                }
                continue;
            }
            spoken.Add(Sentence(Clean(ListMarker().Replace(line, ""))));
        }
        return string.Join(" ", spoken.Where(s => s.Length > 0));
    }

    /// <summary>Heading and facts of a card, read as sentences.</summary>
    public static string SpeakCard(JsonObject card)
    {
        var parts = new List<string>();
        foreach (var element in card["body"]?.AsArray().OfType<JsonObject>() ?? [])
        {
            switch (element["type"]?.GetValue<string>())
            {
                case "TextBlock" when element["text"]?.GetValue<string>() is { Length: > 0 } text:
                    parts.Add(Sentence(Clean(text)));
                    break;
                case "FactSet":
                    foreach (var fact in element["facts"]?.AsArray().OfType<JsonObject>().Take(SpokenListItems + 1) ?? [])
                    {
                        parts.Add(Sentence(Clean($"{fact["title"]}: {fact["value"]}")));
                    }
                    break;
            }
        }
        return string.Join(" ", parts);
    }

    /// <summary>No markup read aloud: links become their text, markdown and symbols go, numbers and dates become words.</summary>
    public static string Clean(string text)
    {
        var result = Link().Replace(text, "$1");
        result = DateTime().Replace(result, SpokenDate);
        result = IsoDate().Replace(result, SpokenDate);
        result = Number().Replace(result, "number $1");
        result = result.Replace("Type 'help'", "Say help", StringComparison.Ordinal).Replace("type 'help'", "say help", StringComparison.Ordinal);
        result = Markup().Replace(result, "");
        result = result.Replace(" · ", ", ", StringComparison.Ordinal);
        return Spaces().Replace(result, " ").Trim();
    }

    private static string SpokenDate(Match match)
    {
        static int Part(Match m, string name) => int.Parse(m.Groups[name].Value, CultureInfo.InvariantCulture);
        var (year, month, day) = (Part(match, "y"), Part(match, "m"), Part(match, "d"));
        if (day < 1 || day > System.DateTime.DaysInMonth(year, month))
        {
            return match.Value;
        }
        var words = new DateOnly(year, month, day).ToString("MMMM d", CultureInfo.InvariantCulture);
        if (match.Groups["h"].Success)
        {
            words += $" at {Part(match, "h")}:{match.Groups["min"].Value}";
        }
        return words + (match.Groups["tz"].Success ? " " + match.Groups["tz"].Value : "");
    }

    private static string Sentence(string text) =>
        text.Length == 0 || ".?!".Contains(text[^1], StringComparison.Ordinal) ? text
        : text[^1] is ':' or ';' or ',' ? text[..^1] + "."
        : text + ".";

    private static bool IsListItem(string line) => ListMarker().IsMatch(line);

    [GeneratedRegex(@"^([-*•]|\d+[.)]|#\d+)\s+", RegexOptions.CultureInvariant)]
    private static partial Regex ListMarker();

    [GeneratedRegex(@"\[([^\]]+)\]\([^)]*\)", RegexOptions.CultureInvariant)]
    private static partial Regex Link();

    [GeneratedRegex(@"(?<y>\d{4})-(?<m>0[1-9]|1[0-2])-(?<d>[0-3]\d)[ T](?<h>[0-2]\d):(?<min>[0-5]\d)(:\d\d)?( ?(?<tz>UTC))?", RegexOptions.CultureInvariant)]
    private static partial Regex DateTime();

    [GeneratedRegex(@"(?<y>\d{4})-(?<m>0[1-9]|1[0-2])-(?<d>[0-3]\d)", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"#(\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex Number();

    [GeneratedRegex(@"[*_`~<>{}\[\]|\\]+|https?://\S+", RegexOptions.CultureInvariant)]
    private static partial Regex Markup();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Spaces();
}
