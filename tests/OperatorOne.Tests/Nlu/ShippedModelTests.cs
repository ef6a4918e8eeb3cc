using Microsoft.Extensions.DependencyInjection;
using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Bot.Core.Tools;

namespace OperatorOne.Tests.Nlu;

/// <summary>
/// The model the bot loads (MiniLM vectors, the similarity to the labelled lines and the classifier trained on them),
/// on sentences it was not trained on (dev.tsv lines): the similarity alone (eval-nlu dev.tsv --scoring Blend --misses)
/// misplaced the first two, and acted on the last without asking.
/// </summary>
[Collection(NluCollection.Name)]
public sealed class ShippedModelTests(NluFixture fixture)
{
    private static readonly DateTimeOffset Now = new(2026, 1, 5, 10, 0, 0, TimeSpan.Zero);

    private Understanding Guess(string text)
    {
        var model = fixture.Host.Services.GetRequiredService<SemanticIntents>().Current;
        Assert.NotNull(model);
        var tools = fixture.Host.Services.GetRequiredService<ToolRegistry>().All;
        // The shipped thresholds, not the fixture's (which never act on a guess).
        return SentenceReader.Guess(text, tools, Now, TimeZoneInfo.Utc, model, new UnderstandingThresholds());
    }

    [Fact]
    public void TheLoadedModelCarriesATrainedClassifier()
    {
        var model = fixture.Host.Services.GetRequiredService<SemanticIntents>().Current;

        Assert.NotNull(model?.Classifier);
        Assert.Contains("create_ticket", model!.Classifier!.Tools);
    }

    [Theory]
    [InlineData("is there a guide for the vpn", "search_documents")]
    [InlineData("what can this bot do", "help")]
    public void UnseenPhrasingsArePlaced(string text, string tool)
    {
        var understanding = Guess(text);

        Assert.Equal(tool, understanding.TopTool);
        Assert.NotEqual(UnderstandingKind.Unknown, understanding.Kind);
    }

    [Fact]
    public void ASentenceTheModelIsUnsureOfIsOfferedAsThreeChoices()
    {
        var understanding = Guess("just called Dana, she wants a quote");

        Assert.Equal(UnderstandingKind.Unsure, understanding.Kind);
        Assert.Equal(3, understanding.Candidates.Select(c => c.Tool.Name).Distinct().Count());
        Assert.Equal("log_activity", understanding.Candidates[0].Tool.Name);
    }
}
