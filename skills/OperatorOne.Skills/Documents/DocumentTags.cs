namespace OperatorOne.Skills.Documents;

/// <summary>Tags are short lowercase words, stored once each: "HR, Policy ,hr" → ["hr", "policy"].</summary>
internal static class DocumentTags
{
    public const int MaxLength = 40;

    public static List<string> Normalize(IEnumerable<string> tags) => tags
        .SelectMany(t => t.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries))
        .Select(One)
        .Where(t => t.Length > 0)
        .Distinct(StringComparer.Ordinal)
        .Take(20)
        .ToList();

    public static string One(string tag)
    {
        var clean = string.Join('-', tag.Trim().Trim('#', '"', '\'').ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return clean.Length > MaxLength ? clean[..MaxLength] : clean;
    }
}
