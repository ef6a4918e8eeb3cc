using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace OperatorOne.Bot.Nlu;

/// <summary>
/// When a predicted slot value counts as the labelled one, the same for every file: numbers and booleans exactly;
/// text ignoring case, spacing, the punctuation people end it with, and a leading "my", "the", "a" or "an"
/// ("the budget meeting" = "budget meeting", "my monitor flickers" = "monitor flickers").
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
        var collapsed = Spaces().Replace(text.Trim(), " ").TrimEnd('.', '!', '?', ',', ' ').Trim('"', '\'', ' ');
        return Article().Replace(collapsed, "");
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^(my|the|a|an) ", RegexOptions.IgnoreCase)]
    private static partial Regex Article();
}
