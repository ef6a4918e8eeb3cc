using System.Text.Json.Nodes;
using OperatorOne.Bot.Core.Recognition;

namespace OperatorOne.Tests.Nlu;

/// <summary>The "did you mean" buttons: what they carry, and that nothing else is taken for one.</summary>
public sealed class ChoiceCardTests
{
    [Fact]
    public void AChoiceSurvivesTheRoundTripThroughACardButton()
    {
        var miss = Guid.NewGuid();
        var choice = new ToolChoice("move_lead", new JsonObject { ["lead"] = "Soylent", ["stage"] = "lost" }, miss);

        var read = ToolChoice.TryRead(JsonNode.Parse(choice.ToData().ToJsonString()));

        Assert.NotNull(read);
        Assert.Equal("move_lead", read.Tool);
        Assert.Equal("Soylent", read.Arguments["lead"]?.GetValue<string>());
        Assert.Equal(miss, read.MissId);
    }

    [Theory]
    [InlineData("""{"approvalId":"00000000-0000-0000-0000-000000000001","decision":"approve"}""")]
    [InlineData("""{"chooseTool":5}""")]
    [InlineData("""{"chooseTool":""}""")]
    [InlineData("""["chooseTool"]""")]
    [InlineData("\"chooseTool\"")]
    public void OtherOrMalformedCardDataIsNotAChoice(string json) =>
        Assert.Null(ToolChoice.TryRead(JsonNode.Parse(json)));

    [Fact]
    public void MalformedArgumentsAndMissIdsAreDropped()
    {
        var read = ToolChoice.TryRead(JsonNode.Parse("""{"chooseTool":"help","arguments":[1,2],"missId":"not-a-guid"}"""));

        Assert.NotNull(read);
        Assert.Empty(read.Arguments);
        Assert.Null(read.MissId);
    }
}
