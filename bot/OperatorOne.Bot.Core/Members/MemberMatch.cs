namespace OperatorOne.Bot.Core.Members;

/// <summary>A member who can be given a ticket.</summary>
public sealed record MemberCandidate(Guid Id, string DisplayName, string Handle);

/// <summary>Who "mia", "@mia.wong", "Mia Wong" or "me" means, decided without a database so it can be tested.</summary>
public abstract record MemberMatch
{
    public sealed record One(MemberCandidate Member) : MemberMatch;

    public sealed record Nobody : MemberMatch;

    public sealed record Many(IReadOnlyList<MemberCandidate> Candidates) : MemberMatch;

    public sealed record Unknown : MemberMatch;

    private static readonly string[] Self = ["me", "myself", "i"];
    private static readonly string[] NoOne = ["nobody", "no one", "noone", "none", "unassigned"];

    /// <summary>Exact handle or full name first, then first name, then a prefix: the narrowest level with a hit decides.</summary>
    public static MemberMatch Find(string query, Guid? callerId, IReadOnlyList<MemberCandidate> members)
    {
        var wanted = query.Trim().TrimStart('@').Trim();
        if (Self.Contains(wanted, StringComparer.OrdinalIgnoreCase))
        {
            return members.FirstOrDefault(m => m.Id == callerId) is { } caller ? new One(caller) : new Unknown();
        }
        if (NoOne.Contains(wanted, StringComparer.OrdinalIgnoreCase))
        {
            return new Nobody();
        }
        if (wanted.Length == 0)
        {
            return new Unknown();
        }
        Func<MemberCandidate, bool>[] levels =
        [
            m => Same(m.Handle, wanted) || Same(m.DisplayName, wanted),
            m => Same(FirstName(m.DisplayName), wanted),
            m => m.Handle.StartsWith(wanted, StringComparison.OrdinalIgnoreCase)
                || m.DisplayName.StartsWith(wanted, StringComparison.OrdinalIgnoreCase),
        ];
        foreach (var level in levels)
        {
            var hits = members.Where(level).ToList();
            if (hits.Count == 1)
            {
                return new One(hits[0]);
            }
            if (hits.Count > 1)
            {
                return new Many(hits);
            }
        }
        return new Unknown();
    }

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private static string FirstName(string displayName) => displayName.Split(' ', 2)[0];
}
