using OperatorOne.Bot.Core.Recognition;

namespace OperatorOne.Tests.Nlu;

/// <summary>The softmax classifier on its own, with the hand-written word embedder: it learns which words tell tools apart.</summary>
public sealed class IntentClassifierTests
{
    private static readonly (string Tool, string Text)[] Examples =
    [
        ("create_ticket", "open a ticket the printer is broken"),
        ("create_ticket", "the monitor is broken open a ticket"),
        ("create_ticket", "log a ticket the laptop is broken"),
        ("pipeline_summary", "how is the sales pipeline"),
        ("pipeline_summary", "show the sales pipeline"),
        ("pipeline_summary", "sales overview please"),
    ];

    private static (IntentClassifier Classifier, WordEmbedder Embedder) Train()
    {
        var embedder = new WordEmbedder();
        var examples = Examples.Select(e => new IntentExample(e.Tool, e.Text)).ToList();
        return (IntentClassifier.Train(examples, embedder.Embed([.. examples.Select(e => e.Text)], CancellationToken.None)), embedder);
    }

    private static string Best(IntentClassifier classifier, float[] probabilities) =>
        classifier.Tools[Array.IndexOf(probabilities, probabilities.Max())];

    [Fact]
    public void EveryTrainingSentenceIsPlacedOnItsOwnToolAndTheProbabilitiesAddUpToOne()
    {
        var (classifier, embedder) = Train();

        foreach (var (tool, text) in Examples)
        {
            var probabilities = classifier.Probabilities(embedder.Embed([text], CancellationToken.None)[0]);
            Assert.Equal(tool, Best(classifier, probabilities));
            Assert.True(probabilities.Max() > 0.8, $"{text}: {probabilities.Max():0.00}");
            Assert.Equal(1, probabilities.Sum(), 3);
        }
    }

    [Fact]
    public void AnUnseenSentenceLandsOnTheToolWhoseWordsItShares()
    {
        var (classifier, embedder) = Train();

        var broken = classifier.Probabilities(embedder.Embed(["my keyboard is broken"], CancellationToken.None)[0]);
        var sales = classifier.Probabilities(embedder.Embed(["what do sales look like"], CancellationToken.None)[0]);

        Assert.Equal("create_ticket", Best(classifier, broken));
        Assert.Equal("pipeline_summary", Best(classifier, sales));
    }

    [Fact]
    public void TheEnsembleModelTrainsAClassifierAndTheSimilarityModelDoesNot()
    {
        var examples = Examples.Select(e => new IntentExample(e.Tool, e.Text)).ToList();

        var ensemble = SemanticModel.Build(new WordEmbedder(), examples, IntentScoring.Ensemble, CancellationToken.None);
        var blend = SemanticModel.Build(new WordEmbedder(), examples, IntentScoring.Blend, CancellationToken.None);

        Assert.NotNull(ensemble.Classifier);
        Assert.Null(blend.Classifier);
        Assert.Equal("create_ticket", ensemble.Rank("my keyboard is broken")[0].Tool);
        // The similarity is kept beside the score: the probabilities add up to 1 even for words no example has.
        var unknown = ensemble.Rank("purple elephants dancing")[0];
        Assert.Equal(0, unknown.Similarity, 3);
        Assert.True(unknown.Score > 0.2, $"{unknown.Score:0.00}");
    }
}
