using System.Text.Json;
using Microsoft.Extensions.AI;
using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Data;
using OperatorOne.Data.Integrations;
using OperatorOne.Data.Members;

namespace OperatorOne.Skills.Integrations;

/// <summary>
/// A stored custom tool as a tool like any other: name, description, tier, role, the stated schema, its example phrasings
/// as utterances (so the built-in recognizer reaches it) and the first one as its help line. The handler looks the row up
/// again at call time, so a compiled copy never carries a secret.
/// </summary>
internal static class CustomToolDefinitions
{
    public static RegisteredTool Compile(CustomTool row)
    {
        var schema = JsonDocument.Parse(row.ParametersSchema).RootElement.Clone();
        var id = row.Id;
        var description = row.Description.TrimEnd('.');
        return ToolRegistry.Register(new ToolDefinition
        {
            Name = row.Name,
            Description = row.Description,
            Tier = Enum.Parse<ToolTier>(row.Tier),
            MinimumRole = row.MinimumRole,
            // Risky custom tools are approved by admins: their effect is outside the bot, where it cannot be checked.
            ApproverRole = MemberRole.Admin,
            ParameterSchema = schema,
            Handler = (OperatorOneDb db, Caller caller, CurrentOrganization organization, ToolCallOrigin origin, TimeProvider clock,
                    AIFunctionArguments arguments, CustomToolCalls calls, CancellationToken cancellationToken) =>
                calls.RunAsync(id, db, caller, organization, origin, clock, arguments, cancellationToken),
            Utterances = [.. row.Phrasings.Select(Utterance.FromExample)],
            HelpExample = row.Phrasings.FirstOrDefault() is { } first ? HelpLine(first) : null,
            Prompts = Prompts(schema),
            Summarize = (AIFunctionArguments arguments) => arguments.Count == 0 ? description : $"{description} ({Arguments(arguments)})",
        });
    }

    /// <summary>"where is order {order_id}" → "where is order [order id]".</summary>
    public static string HelpLine(string phrasing) =>
        Utterance.Slots(phrasing).Aggregate(phrasing, (text, slot) => text.Replace($"{{{slot}}}", $"[{slot.Replace('_', ' ')}]", StringComparison.Ordinal));

    private static Dictionary<string, string> Prompts(JsonElement schema)
    {
        var prompts = new Dictionary<string, string>();
        if (schema.TryGetProperty("properties", out var properties))
        {
            foreach (var property in properties.EnumerateObject())
            {
                var what = property.Value.TryGetProperty("description", out var d) && d.GetString() is { Length: > 0 } text
                    ? text.TrimEnd('.') : $"the {property.Name.Replace('_', ' ')}";
                prompts[property.Name] = $"What's {char.ToLowerInvariant(what[0])}{what[1..]}?";
            }
        }
        return prompts;
    }

    private static string Arguments(AIFunctionArguments arguments) =>
        string.Join(", ", arguments.Select(a => $"{a.Key.Replace('_', ' ')}: {a.Value switch
        {
            JsonElement { ValueKind: JsonValueKind.String } text => text.GetString(),
            JsonElement other => other.GetRawText(),
            var value => value?.ToString(),
        }}"));
}
