using System.Text.RegularExpressions;

namespace OperatorOne.Bot.Core.Recognition;

/// <summary>What a known name belongs to: a member, a CRM company, person (contact or lead) or deal, a support queue or a team.</summary>
public enum NameKind
{
    Member,
    Company,
    Person,
    Deal,
    Queue,
    Team,
}

/// <summary>A known name found in a sentence: where it starts and how long it is, as written there.</summary>
public sealed record NameMatch(int Start, int Length, NameKind Kind);

/// <summary>
/// The organization's own names (members; companies, contacts, leads and deals; support queues and teams), so a name is found in lowercase
/// typing and in speech ("assign it to ada", "the globex lead moves to qualified") and bounded where capitals cannot
/// bound it ("mia is leaving, remove her" → mia). People also answer to their first name ("Ada" for "Ada Admin").
/// </summary>
public sealed partial class Gazetteer
{
    /// <summary>Words a queue or team may be called that are also everyday words: "assign it to IT" has one queue in it, not two.</summary>
    private static readonly HashSet<string> Ordinary = new(StringComparer.Ordinal) { "it", "us", "all", "one", "this", "that", "me", "you", "we", "ops", "help", "any", "none", "every" };

    public static readonly Gazetteer Empty = new([], [], [], []);

    /// <summary>Lower-cased names, longest first, so "Acme renewal" wins over "Acme".</summary>
    private readonly Dictionary<NameKind, string[]> _names;

    /// <summary>Queue and team names that are everyday words, as the organization wrote them ("IT").</summary>
    private readonly Dictionary<string, string> _ordinary = new(StringComparer.Ordinal);

    /// <summary>Names by kind; <c>people</c> are contacts and leads, who also answer to their first name.</summary>
    public Gazetteer(IEnumerable<string> members, IEnumerable<string> companies, IEnumerable<string> people, IEnumerable<string> deals,
        IEnumerable<string>? queues = null, IEnumerable<string>? teams = null)
    {
        var groups = (queues ?? []).Concat(teams ?? []).Select(n => n.Trim()).ToList();
        _names = new()
        {
            [NameKind.Member] = Sorted(WithFirstNames(members)),
            [NameKind.Company] = Sorted(companies),
            [NameKind.Person] = Sorted(WithFirstNames(people)),
            [NameKind.Deal] = Sorted(deals),
            [NameKind.Queue] = Sorted(queues ?? []),
            [NameKind.Team] = Sorted(teams ?? []),
        };
        foreach (var name in groups.Where(n => Ordinary.Contains(n.ToLowerInvariant())))
        {
            _ordinary[name.ToLowerInvariant()] = name;
        }
    }

    public bool IsEmpty => _names.Values.All(n => n.Length == 0);

    /// <summary>Every known name of the <paramref name="kinds"/> in <paramref name="text"/>, the longest where two overlap, in sentence order.</summary>
    public IReadOnlyList<NameMatch> Find(string text, IReadOnlyCollection<NameKind> kinds)
    {
        var candidates = new List<NameMatch>();
        var lower = text.ToLowerInvariant();
        foreach (var kind in kinds)
        {
            foreach (var name in _names[kind])
            {
                for (var at = lower.IndexOf(name, StringComparison.Ordinal); at >= 0; at = lower.IndexOf(name, at + 1, StringComparison.Ordinal))
                {
                    if (StartsWord(lower, at) && EndsWord(lower, at + name.Length) && (kind is not (NameKind.Queue or NameKind.Team) || Meant(text, at, name)))
                    {
                        candidates.Add(new NameMatch(at, name.Length, kind));
                    }
                }
            }
        }
        var found = new List<NameMatch>();
        foreach (var candidate in candidates.OrderByDescending(c => c.Length))
        {
            if (!found.Any(f => f.Start < candidate.Start + candidate.Length && candidate.Start < f.Start + f.Length))
            {
                found.Add(candidate);
            }
        }
        return [.. found.OrderBy(f => f.Start)];
    }

    /// <summary>
    /// A queue or team called by an everyday word ("IT") is meant when written as the organization writes it, or where a
    /// queue or team stands ("the it queue", as speech types it): the pronoun in "assign it to mia" is no queue.
    /// </summary>
    private bool Meant(string text, int at, string name) =>
        !_ordinary.TryGetValue(name, out var written)
        || string.CompareOrdinal(text, at, written, 0, written.Length) == 0
        || QueueOrTeam().IsMatch(text[(at + name.Length)..]);

    [GeneratedRegex(@"^ +(queue|team|desk)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex QueueOrTeam();

    /// <summary>Not inside a word, an address or a handle: "dana" is no name in "dana@acme.example" or "@dana".</summary>
    private static bool StartsWord(string text, int at) => at == 0 || !(char.IsLetterOrDigit(text[at - 1]) || text[at - 1] is '@' or '.' or '_' or '-' or '/');

    private static bool EndsWord(string text, int end) =>
        end == text.Length || !(char.IsLetterOrDigit(text[end]) || text[end] is '@' or '_'
            || (text[end] is '.' or '-' or '/' && end + 1 < text.Length && char.IsLetterOrDigit(text[end + 1])));

    /// <summary>A person's full name and their first name: "Ada Admin" and "Ada".</summary>
    private static IEnumerable<string> WithFirstNames(IEnumerable<string> people) =>
        people.SelectMany(p => p.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries) is [var first, _, ..] ? new[] { p, first } : [p]);

    private static string[] Sorted(IEnumerable<string> names) =>
        [.. names.Select(n => n.Trim().ToLowerInvariant()).Where(n => n.Length >= 2).Distinct(StringComparer.Ordinal).OrderByDescending(n => n.Length)];
}
