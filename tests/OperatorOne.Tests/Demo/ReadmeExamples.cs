using System.Text.RegularExpressions;
using OperatorOne.Tests.Deploy;

namespace OperatorOne.Tests.Demo;

/// <summary>One example line: what to type, as whom (a demo handle), and the reply it must contain when it documents a refusal.</summary>
public sealed record Example(string Text, string Handle, string? Expect = null)
{
    public override string ToString() => $"{Handle}: {Text}";
}

/// <summary>
/// The examples README.md lists: after a line "**Try** (as Mia):", each following "- `…`" bullet, until a line that is
/// not a bullet. A bullet that says answered "…" documents a refusal, and the reply must contain that text.
/// </summary>
internal static partial class ReadmeExamples
{
    public static readonly IReadOnlyDictionary<string, string> Handles = new Dictionary<string, string>
    {
        ["Olivia"] = "owner", ["Ada"] = "admin", ["Mia"] = "member", ["Victor"] = "viewer",
    };

    public static List<Example> Read() => Parse(RepositoryFiles.Read("README.md"));

    public static List<Example> Parse(string readme)
    {
        var examples = new List<Example>();
        string? handle = null;
        foreach (var line in readme.Split('\n').Select(l => l.TrimEnd('\r')))
        {
            if (Try().Match(line) is { Success: true } header)
            {
                handle = Handles[header.Groups["who"].Value];
                continue;
            }
            if (handle is not null && Bullet().Match(line) is { Success: true } bullet)
            {
                var expect = Answered().Match(line) is { Success: true } answered ? answered.Groups["text"].Value : null;
                examples.Add(new Example(bullet.Groups["text"].Value, handle, expect));
                continue;
            }
            if (line.Trim().Length > 0)
            {
                handle = null;
            }
        }
        return examples;
    }

    [GeneratedRegex(@"^\*\*Try\*\* \(as (?<who>Olivia|Ada|Mia|Victor)\b")]
    private static partial Regex Try();

    [GeneratedRegex(@"^- `(?<text>[^`]+)`")]
    private static partial Regex Bullet();

    [GeneratedRegex(@"answered ""(?<text>[^""]+)""")]
    private static partial Regex Answered();
}
