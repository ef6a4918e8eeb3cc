using System.Text.RegularExpressions;
using OperatorOne.Bot.Core.Tools;

namespace OperatorOne.Bot.Core.Recognition;

/// <summary>
/// The customer named inside a deal's name: "a deal called POS upgrade for Cedar Bakery" (name POS upgrade, company Cedar
/// Bakery) and "a deal for Wayne Enterprises, security upgrade" (the company first, then the deal's own name).
/// </summary>
internal static partial class DealCompany
{
    public static void Separate(RegisteredTool tool, Dictionary<string, string> slots, string text)
    {
        if (!tool.ParameterNames.Contains("company") || slots.ContainsKey("company") || !slots.TryGetValue("name", out var name)
            || KnownNames.KindOf(tool, "name") is not null)
        {
            return;
        }
        if (After().Match(name) is { Success: true } after)
        {
            slots["name"] = after.Groups["name"].Value.Trim();
            slots["company"] = after.Groups["company"].Value.Trim();
        }
        else if (Before().Match(name) is { Success: true } before
            && Regex.IsMatch(text, $@"\bfor {Regex.Escape(before.Groups["company"].Value)}\s*,", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant))
        {
            slots["name"] = before.Groups["name"].Value.Trim();
            slots["company"] = before.Groups["company"].Value.Trim();
        }
    }

    /// <summary>"POS upgrade for Cedar Bakery": a capitalized name after "for" at the end.</summary>
    [GeneratedRegex(@"^(?<name>\S.*?) for (?<company>[A-Z][\w&.'-]*( (&|[A-Z][\w&.'-]*))*)$", RegexOptions.CultureInvariant)]
    private static partial Regex After();

    /// <summary>"alpine outfitters, winter catalogue": the company, a comma, the deal.</summary>
    [GeneratedRegex(@"^(?<company>[^,]+?)\s*,\s*(?<name>[^,]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex Before();
}
