using Microsoft.EntityFrameworkCore;
using OperatorOne.Bot.Core.Members;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Data;
using OperatorOne.Data.Documents;

namespace OperatorOne.Skills.Admin;

/// <summary>
/// Teams named in chat ("the Support team", "support") and the members named beside them ("ada, max and mia").
/// An organization has few teams, so they are compared in memory.
/// </summary>
internal static class TeamNames
{
    public const int MaxLength = 100;

    /// <summary>The name pattern the utterances capture: one or two words, so "add mia to the support team" reads "support".</summary>
    public const string Pattern = "(?<team>[^ ]+( [^ ]+)?)";

    public static string Clean(string said)
    {
        var name = said.Trim().Trim('"', '\'', '“', '”').Trim();
        if (name.StartsWith("the ", StringComparison.OrdinalIgnoreCase))
        {
            name = name[4..];
        }
        if (name.EndsWith(" team", StringComparison.OrdinalIgnoreCase) && name.Length > 5)
        {
            name = name[..^5];
        }
        return name.Trim().Trim('"', '\'', '“', '”').Trim();
    }

    /// <summary>The team called that (exactly, else the only one containing it), or a refusal listing the teams there are.</summary>
    public static async Task<(Team? Team, ToolResult? Problem)> FindAsync(OperatorOneDb db, string said, CancellationToken cancellationToken)
    {
        var wanted = Clean(said);
        var teams = await db.Teams.OrderBy(t => t.Name).ToListAsync(cancellationToken);
        var match = teams.FirstOrDefault(t => t.Name.Equals(wanted, StringComparison.OrdinalIgnoreCase))
            ?? (wanted.Length == 0 ? null : teams.SingleOrDefault(t => t.Name.Contains(wanted, StringComparison.OrdinalIgnoreCase)));
        if (match is not null)
        {
            return (match, null);
        }
        var known = teams.Count == 0 ? " There are no teams yet: 'create a team called Support'." : $" The teams are {string.Join(", ", teams.Select(t => t.Name))}.";
        return (null, ToolResult.Refused($"There's no team called \"{wanted}\".{known}"));
    }

    /// <summary>"ada, max and @mia" → three members, or the first name that names nobody (or several people).</summary>
    public static async Task<(List<MemberCandidate> Members, ToolResult? Problem)> MembersAsync(
        OperatorOneDb db, string? said, Guid? callerId, CancellationToken cancellationToken)
    {
        var found = new List<MemberCandidate>();
        var names = (said ?? "").Replace(" and ", ",", StringComparison.OrdinalIgnoreCase).Replace(" & ", ",", StringComparison.Ordinal)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var name in names)
        {
            var who = await MemberNames.ResolveAsync(db, name, callerId, cancellationToken);
            if (who.Member is not { } member)
            {
                return ([], ToolResult.Refused(who.Problem ?? $"I couldn't find a member called \"{name}\"."));
            }
            found.Add(member);
        }
        return ([.. found.DistinctBy(m => m.Id)], null);
    }

    public static string List(IReadOnlyList<string> names) => names.Count switch
    {
        0 => "no one",
        1 => names[0],
        _ => $"{string.Join(", ", names.Take(names.Count - 1))} and {names[^1]}",
    };
}
