using System.Text.RegularExpressions;
using OperatorOne.Bot.Core.Members;
using OperatorOne.Bot.Core.Tools;

namespace OperatorOne.Skills.Calendar;

/// <summary>
/// "Ada and Max", "ada, @max.k and me" → members, decided without a database. An ambiguous name becomes a question
/// whose choices are the whole list with that name made exact, so the answer ("Dana Lee", "the second") refills it.
/// </summary>
internal static partial class AttendeeNames
{
    public static IReadOnlyList<string> Split(string? text) =>
        Separators().Split(Leading().Replace((text ?? "").Trim(), ""))
            .Select(n => n.Trim().Trim('.'))
            .Where(n => n.Length > 0 && !Filler.Contains(n, StringComparer.OrdinalIgnoreCase))
            .ToList();

    private static readonly string[] Filler = ["the team", "everyone", "team"];

    /// <summary>Every name made one member, or the tool's answer: a question (ambiguous) or a refusal (unknown).</summary>
    public static (IReadOnlyList<MemberCandidate> Members, ToolResult? Problem) Resolve(
        string parameter, string? text, Guid? callerId, IReadOnlyList<MemberCandidate> members)
    {
        var names = Split(text);
        var found = new List<MemberCandidate>();
        for (var i = 0; i < names.Count; i++)
        {
            var name = names[i];
            var handle = Handle().Match(name);
            var match = MemberMatch.Find(handle.Success ? handle.Groups["h"].Value : name, callerId, members);
            switch (match)
            {
                case MemberMatch.One one:
                    if (!found.Contains(one.Member))
                    {
                        found.Add(one.Member);
                    }
                    break;
                case MemberMatch.Many many:
                    var question = MemberNames.Describe(name, many).Problem!.Replace(" Tell me the handle.", "", StringComparison.Ordinal);
                    var choices = many.Candidates
                        .Select(c => string.Join(", ", names.Select((n, j) => j == i ? $"{c.DisplayName} (@{c.Handle})" : n)))
                        .ToList();
                    return ([], ToolResult.Ask(parameter, question, choices));
                case MemberMatch.Nobody:
                    break;
                default:
                    return ([], ToolResult.Refused($"I couldn't find a member called \"{name}\"."));
            }
        }
        return (found, null);
    }

    [GeneratedRegex(@"\s*(?:,|&|\+|\band\b)\s*", RegexOptions.IgnoreCase)]
    private static partial Regex Separators();

    [GeneratedRegex(@"^(with|for|between)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex Leading();

    [GeneratedRegex(@"\(@(?<h>[^)]+)\)")]
    private static partial Regex Handle();
}
