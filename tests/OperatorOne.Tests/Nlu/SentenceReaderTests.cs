using Microsoft.Extensions.DependencyInjection;
using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Bot.Core.Tools;

namespace OperatorOne.Tests.Nlu;

/// <summary>The recognizer's text → understanding step with a hand-written embedder: patterns first, then guesses, and when to ask.</summary>
public sealed class SentenceReaderTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 5, 10, 0, 0, TimeSpan.Zero);

    private static readonly Lazy<ToolRegistry> Tools = BuiltInTools.Registry;

    private static SemanticModel Model(params (string Tool, string Text)[] examples) =>
        SemanticModel.Build(new WordEmbedder(), [.. examples.Select(e => new IntentExample(e.Tool, e.Text))], IntentScoring.Blend, CancellationToken.None);

    private static Understanding Read(string text, SemanticModel? model, UnderstandingThresholds? thresholds = null) =>
        SentenceReader.Read(text, Tools.Value.All, Now, TimeZoneInfo.Utc, model, thresholds ?? new UnderstandingThresholds());

    [Fact]
    public void APatternWinsWithoutAskingTheModel()
    {
        var understanding = Read("close ticket 12", Model(("create_ticket", "close ticket 12 please")));

        Assert.Equal(UnderstandingKind.Pattern, understanding.Kind);
        Assert.Equal("change_ticket_status", understanding.TopTool);
    }

    [Fact]
    public void WithoutAModelAnUnmatchedSentenceIsNotUnderstood()
    {
        var understanding = Read("the printer smells of smoke", null);

        Assert.Equal(UnderstandingKind.Unknown, understanding.Kind);
        Assert.Null(understanding.TopTool);
    }

    [Fact]
    public void ASentenceNearNothingIsNotUnderstoodThoughTheClassifierFavoursATool()
    {
        var model = SemanticModel.Build(new WordEmbedder(), [new("create_ticket", "printer broken open a ticket"), new("create_ticket", "monitor broken open a ticket"),
            new("pipeline_summary", "sales pipeline overview")], IntentScoring.Ensemble, CancellationToken.None);
        // Of two tools one has a probability of at least a half, so the averaged score clears a low floor with no word in common.
        Assert.True(model.Rank("purple elephants dancing")[0].Score >= 0.25);

        var understanding = Read("purple elephants dancing", model, new UnderstandingThresholds { Floor = 0.1 });

        Assert.Equal(UnderstandingKind.Unknown, understanding.Kind);
    }

    [Fact]
    public void AClearGuessIsActedOnWithItsSlotsReadInAnyOrder()
    {
        var model = Model(("create_ticket", "printer broken please open a ticket"), ("create_ticket", "monitor broken open a ticket"),
            ("pipeline_summary", "how are sales looking"), ("pipeline_summary", "sales pipeline overview"));

        var understanding = Read("my monitor flickers please open a ticket", model, new UnderstandingThresholds { Accept = 0.3, Margin = 0.05 });

        Assert.Equal(UnderstandingKind.Confident, understanding.Kind);
        Assert.Equal("create_ticket", understanding.TopTool);
        Assert.Equal("my monitor flickers", understanding.Arguments["title"]?.GetValue<string>());
    }

    [Fact]
    public void TwoCloseGuessesAreOfferedAsChoicesInsteadOfActedOn()
    {
        var model = Model(("move_lead", "the lead is lost"), ("convert_lead", "the lead is won"), ("pipeline_summary", "sales overview"));

        var understanding = Read("the Soylent lead is lost", model, new UnderstandingThresholds { Accept = 0.3, Margin = 0.5, Floor = 0.1 });

        Assert.Equal(UnderstandingKind.Unsure, understanding.Kind);
        Assert.Equal(["move_lead", "convert_lead"], understanding.Candidates.Take(2).Select(c => c.Tool.Name));
        Assert.Equal("lost", understanding.Candidates[0].Arguments["stage"]?.GetValue<string>());
        Assert.Equal("Soylent", understanding.Candidates[0].Arguments["lead"]?.GetValue<string>());
    }

    [Fact]
    public void NothingNearEnoughIsUnknown()
    {
        var model = Model(("pipeline_summary", "sales overview"));

        var understanding = Read("purple elephants dancing", model);

        Assert.Equal(UnderstandingKind.Unknown, understanding.Kind);
    }

    [Fact]
    public void TheIndexRanksTheToolWhoseExamplesAreNearestFirst()
    {
        var model = Model(("help", "what can you do"), ("system_status", "is the system up"), ("system_status", "system status please"));

        var ranked = model.Rank("is the system status up");

        Assert.Equal("system_status", ranked[0].Tool);
        Assert.True(ranked[0].Score > ranked[1].Score);
    }
}
