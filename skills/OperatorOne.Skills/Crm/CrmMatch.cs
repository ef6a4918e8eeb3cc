using OperatorOne.Bot.Core.Tools;

namespace OperatorOne.Skills.Crm;

/// <summary>Which record a name means, decided from the fuzzy hits alone so it can be tested without a database.</summary>
internal abstract record CrmMatch
{
    public sealed record One(CrmRecord Record) : CrmMatch;

    public sealed record Many(IReadOnlyList<CrmRecord> Candidates) : CrmMatch;

    public sealed record None : CrmMatch;

    /// <summary>Hits this close to the best score are equally plausible, so the caller must choose.</summary>
    private const double Tie = 0.05;

    public static CrmMatch Decide(CrmQuery query, IReadOnlyList<CrmRecord> hits)
    {
        if (hits.Count == 0)
        {
            return new None();
        }
        var exact = hits.Where(h => Same(h.Name, query.Name) || Same(h.Label, query.ToString())).ToList();
        if (exact.Count == 1)
        {
            return new One(exact[0]);
        }
        var pool = exact.Count > 1 ? exact : hits;
        var best = pool.Max(h => h.Score);
        var top = pool.Where(h => h.Score >= best - Tie).OrderBy(h => h.Label, StringComparer.OrdinalIgnoreCase).ToList();
        return top.Count == 1 ? new One(top[0]) : new Many(top);
    }

    /// <summary>What to say unless exactly one record matched: ask which one, or say nothing matched.</summary>
    public static ToolResult? Problem(CrmMatch match, string parameter, CrmQuery said, string what) => match switch
    {
        One => null,
        Many many => ToolResult.Ask(parameter, CrmText.WhichOne(said.Name, many.Candidates), many.Candidates.Select(c => c.Label).ToList()),
        _ => ToolResult.Refused($"I couldn't find {what} like \"{said}\"."),
    };

    private static bool Same(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);
}
