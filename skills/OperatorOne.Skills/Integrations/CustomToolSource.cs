using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Data;

namespace OperatorOne.Skills.Integrations;

/// <summary>
/// An organization's enabled custom tools. Each call reads only their ids and row versions (xmin); the compiled tools are
/// reused while those match, and rebuilt when any tool was added, changed or removed — on whichever replica changed it.
/// </summary>
internal sealed class CustomToolSource(ILogger<CustomToolSource> logger) : IToolSource
{
    private readonly ConcurrentDictionary<Guid, Compiled> _cache = new();

    public async Task<IReadOnlyList<RegisteredTool>> ToolsAsync(OperatorOneDb db, Guid organizationId, CancellationToken cancellationToken)
    {
        var versions = await db.CustomTools.AsNoTracking().Where(t => t.IsEnabled).OrderBy(t => t.Id)
            .Select(t => new { t.Id, t.Version }).ToListAsync(cancellationToken);
        var fingerprint = string.Join(',', versions.Select(v => $"{v.Id:N}:{v.Version}"));
        if (_cache.TryGetValue(organizationId, out var cached) && cached.Fingerprint == fingerprint)
        {
            return cached.Tools;
        }
        var rows = await db.CustomTools.AsNoTracking().Where(t => t.IsEnabled).OrderBy(t => t.Id).ToListAsync(cancellationToken);
        var tools = new List<RegisteredTool>();
        foreach (var row in rows.OrderBy(r => r.Name, StringComparer.Ordinal))
        {
            try
            {
                tools.Add(CustomToolDefinitions.Compile(row));
            }
            catch (Exception ex) when (ex is ArgumentException or System.Text.Json.JsonException or FormatException)
            {
                // Rows are checked when saved; one that still cannot be compiled is left out rather than taking every tool down.
                logger.LogWarning(ex, "Custom tool {Tool} could not be compiled and is left out", row.Name);
            }
        }
        var compiled = new Compiled(string.Join(',', rows.Select(r => $"{r.Id:N}:{r.Version}")), tools);
        _cache[organizationId] = compiled;
        return compiled.Tools;
    }

    private sealed record Compiled(string Fingerprint, IReadOnlyList<RegisteredTool> Tools);
}
