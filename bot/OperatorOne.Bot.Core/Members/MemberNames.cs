using Microsoft.EntityFrameworkCore;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Data;

namespace OperatorOne.Bot.Core.Members;

/// <summary>A member named in chat, or why not: "there are two Danas: Dana Lee (@dana.lee) or Dana Ortiz (@dana.o)?".</summary>
public sealed record MemberName(MemberCandidate? Member, string? Problem);

public static class MemberNames
{
    public static async Task<MemberName> ResolveAsync(OperatorOneDb db, string name, Guid? callerId, CancellationToken cancellationToken, bool includeInactive = false)
    {
        var members = await db.Members
            .Where(m => includeInactive || m.IsActive)
            .OrderBy(m => m.DisplayName)
            .Select(m => new MemberCandidate(m.Id, m.DisplayName, m.Handle))
            .ToListAsync(cancellationToken);
        return Describe(name, MemberMatch.Find(name, callerId, members));
    }

    /// <summary>Display names of the given members (assignees, requesters, comment authors, audited callers) by id.</summary>
    public static async Task<Dictionary<Guid, string>> MemberNamesAsync(this OperatorOneDb db, IEnumerable<Guid?> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.OfType<Guid>().Distinct().ToList();
        if (wanted.Count == 0)
        {
            return [];
        }
        return await db.Members
            .Where(m => wanted.Contains(m.Id))
            .ToDictionaryAsync(m => m.Id, m => m.DisplayName, cancellationToken);
    }

    /// <summary>A tool's approval check: the member its <paramref name="member"/> argument names must exist (and be one person).</summary>
    public static async Task<ToolResult?> ExistsAsync(OperatorOneDb db, Caller caller, string member, CancellationToken cancellationToken)
    {
        var who = await ResolveAsync(db, member, caller.MemberId, cancellationToken);
        return who.Member is null ? ToolResult.Refused(who.Problem!) : null;
    }

    public static MemberName Describe(string name, MemberMatch match) => match switch
    {
        MemberMatch.One one => new MemberName(one.Member, null),
        MemberMatch.Many many => new MemberName(null,
            $"There are {Count(many.Candidates.Count)} {Plural(name)}: {Or(many.Candidates.Select(c => $"{c.DisplayName} (@{c.Handle})"))}? Tell me the handle."),
        _ => new MemberName(null, $"I couldn't find a member called \"{name.Trim()}\"."),
    };

    private static string Count(int n) => n switch { 2 => "two", 3 => "three", 4 => "four", _ => n.ToString(System.Globalization.CultureInfo.InvariantCulture) };

    private static string Plural(string name)
    {
        var word = name.Trim().TrimStart('@');
        word = word.Length > 0 ? char.ToUpperInvariant(word[0]) + word[1..] : word;
        return $"{word}s";
    }

    private static string Or(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count <= 1 ? string.Concat(list) : $"{string.Join(", ", list[..^1])} or {list[^1]}";
    }
}
