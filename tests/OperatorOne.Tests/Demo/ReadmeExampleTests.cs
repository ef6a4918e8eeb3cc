using System.Text.Json.Nodes;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.Demo;

/// <summary>
/// Every example README.md lists and every line "help" shows, typed into the web chat of a freshly seeded demo
/// organization as the member it is meant for, on several days of the week: none may be misunderstood, miss what it
/// names, or fail. Examples that document a refusal must give it.
/// </summary>
public sealed class ReadmeExampleTests(DemoBot demo) : IClassFixture<DemoBot>
{
    /// <summary>What a working example never says.</summary>
    private static readonly string[] Failures =
    [
        "didn't understand", "couldn't find", "something went wrong", "couldn't use those details", "there is no tool", "your role (",
        "i didn't get", "don't know you",
        // An example naming an object the demo does not have ("There is no webhook 2", "… no custom tool called …").
        "there is no webhook", "there is no custom tool", "has no deliveries", "there is already",
    ];

    /// <summary>Help is read as each role sees it; a line is tried as the least role that sees it.</summary>
    private static readonly string[] Roles = ["viewer", "member", "admin", "owner"];

    [Fact]
    public void TheReadmeListsExamplesForEverySkillAndTheTestReadsThem()
    {
        var examples = ReadmeExamples.Read();

        Assert.True(examples.Count >= 60, $"only {examples.Count} README examples found");
        Assert.Contains(examples, e => e.Text == "find Dana from Acme" && e.Handle == "member");
        Assert.Contains(examples, e => e.Text == "accept the budget meeting" && e.Handle == "viewer");
        Assert.Contains(examples, e => e.Text == "delete ticket 999" && e.Expect == "I couldn't find ticket #999");
    }

    [Theory]
    [InlineData(DayOfWeek.Tuesday, 10, 0)]
    [InlineData(DayOfWeek.Friday, 16, 30)]
    [InlineData(DayOfWeek.Sunday, 20, 0)]
    public async Task EveryReadmeAndHelpExampleWorksOnAFreshDemo(DayOfWeek day, int hour, int minute)
    {
        demo.Clock.Set(day, hour, minute);
        var examples = ReadmeExamples.Read().Concat(await HelpExamplesAsync()).DistinctBy(e => (e.Text, e.Handle)).ToList();
        var failures = new List<string>();
        var reseeds = 0;

        foreach (var example in examples)
        {
            if (_demo is null || !await demo.UnchangedAsync(_demo))
            {
                _demo = await demo.SeedAsync();
                reseeds++;
            }
            var answer = await TryAsync(_demo.Organization, example);
            var problem = example.Expect is { } expected
                ? answer.Contains(expected, StringComparison.OrdinalIgnoreCase) ? null : $"expected \"{expected}\""
                : Failures.FirstOrDefault(f => answer.Contains(f, StringComparison.OrdinalIgnoreCase));
            if (problem is not null)
            {
                failures.Add($"{example} → {answer} [{problem}]");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {examples.Count} examples failed on a {day}:\n{string.Join("\n", failures)}");
        // Proves the check above saw writes: the examples that change the demo made it seed again.
        Assert.InRange(reseeds, 20, examples.Count - 20);
    }

    /// <summary>The demo organization the next example runs on, until an example changes it.</summary>
    private DemoBot.SeededDemo? _demo;

    private async Task<string> TryAsync(TestOrganization org, Example example)
    {
        using var chat = await Chat.StartAsync(demo.Host, org, example.Handle);
        var sent = await chat.Send(example.Text);
        return Text(await chat.ExpectAnswerTo(sent, TimeSpan.FromSeconds(30)));
    }

    /// <summary>Each line of help, tried as the least role whose help shows it.</summary>
    private async Task<List<Example>> HelpExamplesAsync()
    {
        var org = (await demo.SeedAsync()).Organization;
        var seen = new HashSet<string>();
        var examples = new List<Example>();
        foreach (var role in Roles)
        {
            using var chat = await Chat.StartAsync(demo.Host, org, role);
            var help = Text(await chat.ExpectAnswerTo(await chat.Send("help")));
            var lines = help.Split('\n').Where(l => l.StartsWith("- ", StringComparison.Ordinal))
                .Select(l => l[2..].Replace(" (needs approval)", "", StringComparison.Ordinal).Trim()).ToList();
            Assert.NotEmpty(lines);
            examples.AddRange(lines.Where(seen.Add).Select(line => new Example(line, role)));
        }
        return examples;
    }

    private static string Text(JsonObject activity) => activity["text"]?.GetValue<string>() ?? "";
}
