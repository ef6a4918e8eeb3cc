using System.Text.Json;
using Microsoft.Extensions.AI;

namespace OperatorOne.Bot.Core.Tools;

/// <summary>Every tool of every skill, each also exposed as an <see cref="AIFunction"/> with a schema from its signature.</summary>
public sealed class ToolRegistry
{
    private readonly Dictionary<string, RegisteredTool> _tools = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<RegisteredTool> _ordered = [];

    public ToolRegistry(IEnumerable<ToolDefinition> definitions)
    {
        foreach (var definition in definitions)
        {
            var registered = new RegisteredTool(definition, ToolFunctions.Create(definition));
            if (!_tools.TryAdd(definition.Name, registered))
            {
                throw new InvalidOperationException($"Two tools are named '{definition.Name}'.");
            }
            _ordered.Add(registered);
        }
    }

    public IReadOnlyList<RegisteredTool> All => _ordered;

    public RegisteredTool? Find(string name) => _tools.GetValueOrDefault(name);

    /// <summary>The tools a caller may ask for (risky ones included: they become approval requests).</summary>
    public IEnumerable<RegisteredTool> AllowedFor(Caller caller) =>
        _ordered.Where(t => caller.IsGuest ? t.Definition.AllowGuests : caller.Role >= t.Definition.MinimumRole);
}

/// <summary>A tool with its AIFunction and the parameters its schema says are required.</summary>
public sealed record RegisteredTool(ToolDefinition Definition, AIFunction Function)
{
    public string Name => Definition.Name;

    public IReadOnlyList<string> RequiredParameters { get; } = ReadRequired(Function.JsonSchema);

    public JsonElement? ParameterSchema(string name) =>
        Function.JsonSchema.TryGetProperty("properties", out var properties) && properties.TryGetProperty(name, out var schema)
            ? schema : null;

    public IEnumerable<string> ParameterNames =>
        Function.JsonSchema.TryGetProperty("properties", out var properties)
            ? properties.EnumerateObject().Select(p => p.Name).ToList() : [];

    private static List<string> ReadRequired(JsonElement schema) =>
        schema.TryGetProperty("required", out var required)
            ? required.EnumerateArray().Select(e => e.GetString()!).ToList()
            : [];
}
