using OperatorOne.Bot.Core.Recognition;

namespace OperatorOne.Tests.Nlu;

/// <summary>A restart reads the embedded examples and the trained classifier from disk; changed lines are a new key, never a stale file.</summary>
public sealed class SemanticCacheTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "operatorone-cache-tests", Guid.NewGuid().ToString("N"));

    private static List<IntentExample> Examples(params string[] extra) =>
    [
        new("create_ticket", "open a ticket the printer is broken"),
        new("create_ticket", "the monitor is broken open a ticket"),
        new("pipeline_summary", "how is the sales pipeline"),
        new("pipeline_summary", "show the sales pipeline"),
        .. extra.Select(e => new IntentExample("create_ticket", e)),
    ];

    [Fact]
    public void ASecondBuildWithTheSameExamplesReadsTheCacheAndRanksExactlyAsTheFirst()
    {
        var first = SemanticModel.Build(new WordEmbedder(), Examples(), IntentScoring.Ensemble, CancellationToken.None, cacheFolder: _folder);
        var embedder = new WordEmbedder();

        var second = SemanticModel.Build(embedder, Examples(), IntentScoring.Ensemble, CancellationToken.None, cacheFolder: _folder);

        Assert.False(first.FromCache);
        Assert.True(second.FromCache);
        Assert.Equal(0, embedder.Calls);
        Assert.NotNull(second.Classifier);
        foreach (var text in new[] { "my laptop is broken", "sales pipeline please" })
        {
            Assert.Equal(first.Rank(text).Select(s => (s.Tool, s.Score)), second.Rank(text).Select(s => (s.Tool, s.Score)));
        }
    }

    [Fact]
    public void ChangedExamplesAreANewKeyAndAreEmbeddedAndTrainedAgain()
    {
        SemanticModel.Build(new WordEmbedder(), Examples(), IntentScoring.Ensemble, CancellationToken.None, cacheFolder: _folder);
        var embedder = new WordEmbedder();

        var changed = SemanticModel.Build(embedder, Examples("the keyboard is broken log a ticket"), IntentScoring.Ensemble, CancellationToken.None, cacheFolder: _folder);

        Assert.False(changed.FromCache);
        Assert.True(embedder.Calls > 0);
        Assert.Equal(2, Directory.GetFiles(_folder, "*.bin").Length);
    }

    [Fact]
    public void ADamagedCacheFileIsIgnoredAndReplaced()
    {
        var examples = Examples();
        SemanticModel.Build(new WordEmbedder(), examples, IntentScoring.Ensemble, CancellationToken.None, cacheFolder: _folder);
        var file = Assert.Single(Directory.GetFiles(_folder, "*.bin"));
        File.WriteAllBytes(file, [.. File.ReadAllBytes(file).Take(40)]);

        var rebuilt = SemanticModel.Build(new WordEmbedder(), examples, IntentScoring.Ensemble, CancellationToken.None, cacheFolder: _folder);
        var again = SemanticModel.Build(new WordEmbedder(), examples, IntentScoring.Ensemble, CancellationToken.None, cacheFolder: _folder);

        Assert.False(rebuilt.FromCache);
        Assert.True(again.FromCache);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
