using Microsoft.EntityFrameworkCore;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Data;

namespace OperatorOne.Skills.Documents;

/// <summary>
/// Finds the document someone named by its title (or file name), among those they may see: an exact title wins,
/// then a single title containing the words; several → ask which; none → say so.
/// </summary>
internal static class DocumentMatch
{
    public static async Task<(DocumentRef? Document, ToolResult? Problem)> FindAsync(
        OperatorOneDb db, string said, string parameter, CancellationToken cancellationToken)
    {
        var name = Name(said);
        if (name.Length == 0)
        {
            return (null, ToolResult.Refused("Which document? Tell me its title."));
        }
        var exactly = name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
        var pattern = "%" + exactly + "%";
        var candidates = await db.Documents
            .Where(d => EF.Functions.ILike(d.FileName, exactly) || EF.Functions.ILike(d.Title, pattern))
            .OrderBy(d => d.Title.Length)
            .Take(6)
            .Select(d => new DocumentRef(d.Id, d.Title, d.OwnerId, d.Visibility, d.Tags, d.FileName))
            .ToListAsync(cancellationToken);
        var exact = candidates.Where(c => c.Title.Equals(name, StringComparison.OrdinalIgnoreCase) || c.FileName.Equals(name, StringComparison.OrdinalIgnoreCase)).ToList();
        return (exact.Count == 1 ? exact : candidates) switch
        {
            [var one] => (one, null),
            [] => (null, ToolResult.Refused($"I couldn't find a document called \"{name}\" that you can see.")),
            var many => (null, ToolResult.Ask(parameter, $"Which one: {string.Join(", ", many.Take(5).Select(m => $"\"{m.Title}\""))}?", many.Take(5).Select(m => m.Title).ToList())),
        };
    }

    /// <summary>"the “VPN setup guide” document" → "VPN setup guide".</summary>
    public static string Name(string said)
    {
        var name = said.Trim().Trim('"', '\'', '“', '”', '‘', '’').Trim();
        foreach (var prefix in new[] { "the ", "my ", "our " })
        {
            if (name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                name = name[prefix.Length..];
            }
        }
        foreach (var suffix in new[] { " document", " doc", " file" })
        {
            if (name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase) && name.Length > suffix.Length)
            {
                name = name[..^suffix.Length];
            }
        }
        return name.Trim().Trim('"', '\'', '“', '”', '‘', '’').Trim();
    }
}
