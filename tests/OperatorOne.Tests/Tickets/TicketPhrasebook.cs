using System.Text.Json.Nodes;
using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Skills.Tickets;

namespace OperatorOne.Tests.Tickets;

/// <summary>
/// Reads a sentence the way the built-in recognizer does (its real matcher and slot conversion), without a turn or a
/// database, and returns the call it would make. Help is included so the tickets patterns compete as in production.
/// </summary>
internal static class TicketPhrasebook
{
    private static readonly ToolRegistry Registry = new(TicketsSkill.Tools.Append(HelpTool.Definition));
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    public static ToolCall? Read(string text)
    {
        var match = UtteranceMatcher.Match(UtteranceMatcher.Normalize(text), Registry.All);
        if (match is null)
        {
            return null;
        }
        var arguments = new JsonObject();
        foreach (var (name, raw) in match.Slots)
        {
            var (value, problem) = SlotValues.Convert(match.Tool, name, raw, Now);
            Assert.True(problem is null, $"\"{text}\": {name}='{raw}' was not understood: {problem}");
            arguments[name] = value;
        }
        return new ToolCall(match.Tool.Name, arguments);
    }

    public static ToolCall Understand(string text) =>
        Read(text) ?? throw new Xunit.Sdk.XunitException($"No utterance matches \"{text}\".");

    public static RegisteredTool Tool(string name) => Registry.Find(name)!;
}
