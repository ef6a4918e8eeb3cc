using OperatorOne.Channels.Slack;

namespace OperatorOne.Tests.Slack;

/// <summary>The app manifest asks Slack for exactly what the code uses, at the URLs the code maps.</summary>
public sealed class SlackManifestTests
{
    private static readonly string[] Lines = File.ReadAllLines(Path.Combine(RepositoryRoot(), "manifests", "slack", "manifest.yaml"));

    [Fact]
    public void TheManifestListsExactlyTheBotScopesTheCodeUses() =>
        Assert.Equal(SlackScopes.Bot.Order(), ListUnder("oauth_config", "scopes", "bot").Order());

    [Fact]
    public void TheManifestSubscribesExactlyTheEventsTheCodeHandles() =>
        Assert.Equal(SlackScopes.Events.Order(), ListUnder("settings", "event_subscriptions", "bot_events").Order());

    [Fact]
    public void EveryRequestUrlHangsOffOneBaseUrlAndAMappedPath()
    {
        var urls = Lines.Select(l => l.Trim()).Where(l => l.Contains("https://BASE_URL", StringComparison.Ordinal))
            .Select(l => l[l.IndexOf("https://", StringComparison.Ordinal)..]).Order().ToList();

        Assert.Equal(
            new[] { "/api/slack/commands", "/api/slack/events", "/api/slack/interactions", "/api/slack/oauth/callback" }.Select(p => "https://BASE_URL" + p),
            urls);
        Assert.Contains(Lines, l => l.Trim() == $"- command: {SlackCommands.Command}");
    }

    /// <summary>The items of a block list under a path of keys, read by indentation (the manifest uses block style only).</summary>
    private static List<string> ListUnder(params string[] path)
    {
        var index = 0;
        var indent = -1;
        foreach (var key in path)
        {
            index = Array.FindIndex(Lines, index, l => l.Trim() == key + ":" && Indent(l) > indent);
            Assert.True(index >= 0, $"The manifest has no {string.Join('.', path)}.");
            indent = Indent(Lines[index]);
            index++;
        }
        return Lines.Skip(index).TakeWhile(l => Indent(l) > indent && l.TrimStart().StartsWith("- ", StringComparison.Ordinal))
            .Select(l => l.Trim()[2..].Trim()).ToList();
    }

    private static int Indent(string line) => line.Length - line.TrimStart().Length;

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "OperatorOne.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("OperatorOne.sln not found above the test output.");
    }
}
