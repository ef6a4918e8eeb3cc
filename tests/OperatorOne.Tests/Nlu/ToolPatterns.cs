using OperatorOne.Bot.Core.Recognition;

namespace OperatorOne.Tests.Nlu;

/// <summary>Which built-in tool's pattern explains a sentence, and the raw text of each slot it read.</summary>
internal static class ToolPatterns
{
    public static (string Tool, IReadOnlyDictionary<string, string> Slots) Match(string text)
    {
        var match = UtteranceMatcher.Match(UtteranceMatcher.Normalize(text), BuiltInTools.Registry.Value.All);
        Assert.NotNull(match);
        return (match.Tool.Name, match.Slots);
    }

    public static string? Tool(string text) =>
        UtteranceMatcher.Match(UtteranceMatcher.Normalize(text), BuiltInTools.Registry.Value.All)?.Tool.Name;
}
