namespace OperatorOne.Skills.Crm;

/// <summary>"Dana from Acme" → a name and a company; "Dana Lee" → only a name.</summary>
internal sealed record CrmQuery(string Name, string? Company)
{
    private static readonly string[] Joins = [" from ", " at ", " @ ", " with ", " of "];

    public static CrmQuery Parse(string text)
    {
        var trimmed = text.Trim().Trim('"', '\'').Trim();
        foreach (var join in Joins)
        {
            var at = trimmed.LastIndexOf(join, StringComparison.OrdinalIgnoreCase);
            if (at > 0 && at + join.Length < trimmed.Length)
            {
                return new CrmQuery(trimmed[..at].Trim(), trimmed[(at + join.Length)..].Trim());
            }
        }
        return new CrmQuery(trimmed, null);
    }

    public override string ToString() => Company is null ? Name : $"{Name} at {Company}";
}
