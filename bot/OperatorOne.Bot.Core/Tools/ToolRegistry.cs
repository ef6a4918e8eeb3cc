using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.AI;
using OperatorOne.Data;

namespace OperatorOne.Bot.Core.Tools;

/// <summary>
/// Every tool of every skill, each also exposed as an <see cref="AIFunction"/> with a schema from its signature; with
/// <see cref="ForOrganizationAsync"/>, also an organization's own tools from the <see cref="IToolSource"/>s.
/// </summary>
public sealed class ToolRegistry
{
    private readonly Dictionary<string, RegisteredTool> _tools = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<RegisteredTool> _ordered = [];
    private readonly IReadOnlyList<IToolSource> _sources;

    // A turn asks for its tool set several times (recognizer, help, executor); it reads the organization's once.
    private readonly ConditionalWeakTable<OperatorOneDb, OrganizationTools> _perContext = new();

    // The tools last built per organization, with the version they were built at: while it matches, a turn reads none.
    private readonly ConcurrentDictionary<Guid, OrganizationTools> _built = new();

    public ToolRegistry(IEnumerable<ToolDefinition> definitions)
        : this(definitions, [])
    {
    }

    public ToolRegistry(IEnumerable<ToolDefinition> definitions, IEnumerable<IToolSource> sources)
    {
        _sources = [.. sources];
        foreach (var definition in definitions)
        {
            var registered = Register(definition);
            if (!_tools.TryAdd(definition.Name, registered))
            {
                throw new InvalidOperationException($"Two tools are named '{definition.Name}'.");
            }
            _ordered.Add(registered);
        }
    }

    /// <summary>The built-in tools only; a turn uses <see cref="ForOrganizationAsync"/>.</summary>
    public IReadOnlyList<RegisteredTool> All => _ordered;

    public RegisteredTool? Find(string name) => _tools.GetValueOrDefault(name);

    /// <summary>The built-in tools a caller may ask for (risky ones included: they become approval requests).</summary>
    public IEnumerable<RegisteredTool> AllowedFor(Caller caller) => _ordered.Where(t => Allows(t.Definition, caller));

    public bool IsBuiltIn(string name) => _tools.ContainsKey(name);

    /// <summary>The built-in tools and the organization's own; <paramref name="db"/> is scoped to the organization.</summary>
    public async Task<ToolSet> ForOrganizationAsync(OperatorOneDb db, Guid organizationId, CancellationToken cancellationToken)
    {
        if (_sources.Count == 0)
        {
            return new ToolSet(_ordered, []);
        }
        if (_perContext.TryGetValue(db, out var known) && known.OrganizationId == organizationId)
        {
            return known.Tools;
        }
        var tools = await ReadAsync(db, organizationId, cancellationToken);
        _perContext.AddOrUpdate(db, new OrganizationTools(organizationId, tools));
        return tools;
    }

    /// <summary>
    /// The turn's tool set, given the version of the organization's own tools its first statement read (the ids and row
    /// versions of its enabled custom tools, which any change on any replica alters): the tools built at that version are
    /// used again without reading them. Called before any tool runs, so what is built is what is committed — at least as
    /// new as the version, never anything this turn might still roll back.
    /// </summary>
    public async Task<ToolSet> ForTurnAsync(OperatorOneDb db, Guid organizationId, string version, CancellationToken cancellationToken)
    {
        if (_sources.Count == 0)
        {
            return new ToolSet(_ordered, []);
        }
        if (!_built.TryGetValue(organizationId, out var built) || built.Version != version)
        {
            built = new OrganizationTools(organizationId, await ReadAsync(db, organizationId, cancellationToken), version);
            _built[organizationId] = built;
        }
        _perContext.AddOrUpdate(db, built);
        return built.Tools;
    }

    private async Task<ToolSet> ReadAsync(OperatorOneDb db, Guid organizationId, CancellationToken cancellationToken)
    {
        var own = new List<RegisteredTool>();
        foreach (var source in _sources)
        {
            own.AddRange(await source.ToolsAsync(db, organizationId, cancellationToken));
        }
        return new ToolSet(_ordered, own);
    }

    private sealed record OrganizationTools(Guid OrganizationId, ToolSet Tools, string? Version = null);

    /// <summary>A definition with its AIFunction, for a source that builds tools from data.</summary>
    public static RegisteredTool Register(ToolDefinition definition) => new(definition, ToolFunctions.Create(definition));

    internal static bool Allows(ToolDefinition tool, Caller caller) => caller.IsGuest ? tool.AllowGuests : caller.Role >= tool.MinimumRole;
}

/// <summary>A tool with its AIFunction and the parameters its schema says are required.</summary>
public sealed record RegisteredTool(ToolDefinition Definition, AIFunction Function)
{
    public string Name => Definition.Name;

    /// <summary>The pre-approval check, bound like the handler; null when the tool has none.</summary>
    public AIFunction? Check { get; } = ToolFunctions.CreateHook(Definition, Definition.Check, "check");

    /// <summary>The approval summary, bound like the handler; null when the tool has none.</summary>
    public AIFunction? Summary { get; } = ToolFunctions.CreateHook(Definition, Definition.Summarize, "summary");

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
