namespace OperatorOne.Bot.Core.Tools;

/// <summary>The tools of one organization: the built-in ones first, then its own (a name a built-in has is never shadowed).</summary>
public sealed class ToolSet
{
    private readonly Dictionary<string, RegisteredTool> _tools;

    public ToolSet(IReadOnlyList<RegisteredTool> builtIn, IEnumerable<RegisteredTool> own)
    {
        _tools = builtIn.ToDictionary(t => t.Name, StringComparer.OrdinalIgnoreCase);
        var all = builtIn.ToList();
        foreach (var tool in own)
        {
            if (_tools.TryAdd(tool.Name, tool))
            {
                all.Add(tool);
            }
        }
        All = all;
    }

    public IReadOnlyList<RegisteredTool> All { get; }

    public RegisteredTool? Find(string name) => _tools.GetValueOrDefault(name);

    /// <summary>The tools a caller may ask for (risky ones included: they become approval requests).</summary>
    public IEnumerable<RegisteredTool> AllowedFor(Caller caller) => All.Where(t => ToolRegistry.Allows(t.Definition, caller));
}
