using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace OperatorOne.Bot.Nlu;

/// <summary>
/// When a predicted slot value counts as the labelled one, the same for every file: numbers and booleans exactly;
/// text ignoring case, spacing, the punctuation people end it with, and a leading "my", "the", "a" or "an"
/// ("the budget meeting" = "budget meeting", "my monitor flickers" = "monitor flickers"). An enum value is the same
/// spelled with an underscore or a space ("this_week" = "this week"), and a number named by its kind is the number
/// ("event 14" = "14"): the sets were labelled both ways, and the tool reads both alike.
/// </summary>
internal static partial class SlotComparison
{
    public static bool Same(JsonNode? expected, JsonNode? actual) =>
        expected is JsonValue e && e.TryGetValue<string>(out var expectedText)
            ? actual is JsonValue a && a.TryGetValue<string>(out var actualText)
                && string.Equals(Clean(expectedText), Clean(actualText), StringComparison.OrdinalIgnoreCase)
            : JsonNode.DeepEquals(expected, actual);

    public static string Clean(string text)
    {
        var collapsed = Spaces().Replace(text.Replace('_', ' ').Trim(), " ").TrimEnd('.', '!', '?', ',', ' ').Trim('"', '\'', ' ');
        return Numbered().Replace(Article().Replace(collapsed, ""), "$1");
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^(my|the|a|an) ", RegexOptions.IgnoreCase)]
    private static partial Regex Article();

    [GeneratedRegex(@"^(?:event|ticket|approval|request|delivery|webhook) (?:number |no\.? |#)?(\d+)$", RegexOptions.IgnoreCase)]
    private static partial Regex Numbered();
}
