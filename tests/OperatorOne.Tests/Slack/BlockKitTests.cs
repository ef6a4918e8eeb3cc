using System.Text.Json.Nodes;
using OperatorOne.Bot.Core.Activities;
using OperatorOne.Bot.Core.Cards;
using OperatorOne.Channels.Slack;

namespace OperatorOne.Tests.Slack;

public sealed class BlockKitTests
{
    private static SlackMessage Render(JsonObject card, string? text = null) =>
        BlockKit.Render(new Activity { Type = ActivityTypes.Message, Text = text, Attachments = [Attachment.AdaptiveCard(card)] });

    private static List<JsonObject> Blocks(SlackMessage message) => message.Blocks!.OfType<JsonObject>().ToList();

    private static JsonObject ApprovalCard() => AdaptiveCard.Create(
        [
            AdaptiveCard.Heading("Approval #7: Delete ticket #12"),
            AdaptiveCard.Facts(("Requested by", "Mia Member"), ("Tool", "delete_ticket")),
            AdaptiveCard.Text("Expires in 24h", subtle: true),
        ],
        [
            AdaptiveCard.Submit("Approve", new JsonObject { ["approvalId"] = "a1", ["decision"] = "approve" }, style: "positive"),
            AdaptiveCard.Submit("Reject", new JsonObject { ["approvalId"] = "a1", ["decision"] = "reject" }, style: "destructive"),
        ]);

    [Fact]
    public void AnApprovalCardBecomesHeaderFieldsContextAndButtons()
    {
        var blocks = Blocks(Render(ApprovalCard()));

        Assert.Equal(["header", "section", "context", "actions"], blocks.Select(b => b["type"]!.GetValue<string>()));
        Assert.Equal("Approval #7: Delete ticket #12", blocks[0]["text"]!["text"]!.GetValue<string>());
        Assert.Equal("*Requested by*\nMia Member", blocks[1]["fields"]![0]!["text"]!.GetValue<string>());
        var buttons = blocks[3]["elements"]!.AsArray().OfType<JsonObject>().ToList();
        Assert.Equal("primary", buttons[0]["style"]!.GetValue<string>());
        Assert.Null(buttons[0]["confirm"]);
        Assert.Equal("danger", buttons[1]["style"]!.GetValue<string>());
        Assert.NotNull(buttons[1]["confirm"]);
        Assert.Equal(new JsonObject { ["approvalId"] = "a1", ["decision"] = "reject" }.ToJsonString(), buttons[1]["value"]!.GetValue<string>());
        Assert.NotEqual(buttons[0]["action_id"]!.GetValue<string>(), buttons[1]["action_id"]!.GetValue<string>());
    }

    [Fact]
    public void TextIsMrkdwnEscapedAndTheFallbackTextIsAlwaysSet()
    {
        var message = Render(AdaptiveCard.Create([AdaptiveCard.Text("a < b & c > d <!channel>")], []));

        Assert.Equal("a &lt; b &amp; c &gt; d &lt;!channel&gt;", Blocks(message)[0]["text"]!["text"]!.GetValue<string>());
        Assert.Equal("a &lt; b &amp; c &gt; d &lt;!channel&gt;", message.Text);
    }

    [Fact]
    public void PlainTextRepliesHaveNoBlocks()
    {
        var message = BlockKit.Render(Activity.Message("Ticket #3 opened <ok>"));

        Assert.Null(message.Blocks);
        Assert.Equal("Ticket #3 opened &lt;ok&gt;", message.Text);
    }

    [Fact]
    public void LimitsAreRespected()
    {
        var body = Enumerable.Range(0, 80).Select(i => AdaptiveCard.Text(new string('x', 5000))).ToList();
        body.Insert(0, AdaptiveCard.Heading(new string('h', 149)));
        body.Add(AdaptiveCard.Facts([.. Enumerable.Range(0, 23).Select(i => ($"t{i}", new string('v', 2500)))]));
        var actions = Enumerable.Range(0, 30).Select(i => AdaptiveCard.Submit(new string('b', 100), new JsonObject { ["n"] = i })).ToList();

        var blocks = Blocks(Render(AdaptiveCard.Create(body, actions)));

        Assert.Equal(BlockKit.MaxBlocks, blocks.Count);
        Assert.Equal(2, blocks.Count(b => b["type"]!.GetValue<string>() == "actions"));
        Assert.All(blocks.Where(b => b["text"] is JsonObject), b => Assert.True(b["text"]!["text"]!.GetValue<string>().Length <= 3000));
        Assert.All(blocks.Where(b => b["type"]!.GetValue<string>() == "actions"), b =>
        {
            Assert.True(b["elements"]!.AsArray().Count <= 25);
            Assert.All(b["elements"]!.AsArray(), e => Assert.True(e!["text"]!["text"]!.GetValue<string>().Length <= 75));
        });
        Assert.Equal("context", blocks[^3]["type"]!.GetValue<string>());
    }

    [Fact]
    public void FactSetsSplitIntoSectionsOfTenFieldsEachWithinTheFieldLimit()
    {
        var card = AdaptiveCard.Create([AdaptiveCard.Facts([.. Enumerable.Range(0, 23).Select(i => ($"t{i}", new string('v', 2500)))])], []);

        var sections = Blocks(Render(card));

        Assert.Equal([10, 10, 3], sections.Select(s => s["fields"]!.AsArray().Count));
        Assert.All(sections.SelectMany(s => s["fields"]!.AsArray()), f => Assert.True(f!["text"]!.GetValue<string>().Length <= 2000));
    }

    [Fact]
    public void ALongHeadingDegradesToBoldText()
    {
        var blocks = Blocks(Render(AdaptiveCard.Create([AdaptiveCard.Heading(new string('h', 200))], [])));

        Assert.Equal("section", blocks[0]["type"]!.GetValue<string>());
        Assert.StartsWith("*hhh", blocks[0]["text"]!["text"]!.GetValue<string>());
    }

    [Fact]
    public void UnrenderableElementsAndActionsDegradeToReadableText()
    {
        var card = AdaptiveCard.Create(
            [
                new JsonObject { ["type"] = "Input.Text", ["id"] = "reason", ["placeholder"] = "Why?" },
                new JsonObject { ["type"] = "Container", ["items"] = new JsonArray(AdaptiveCard.Text("inside")) },
                new JsonObject { ["type"] = "Media" },
            ],
            [
                new JsonObject { ["type"] = "Action.ShowCard", ["title"] = "More" },
                AdaptiveCard.Submit("Huge", new JsonObject { ["blob"] = new string('z', 2100) }),
            ]);

        var message = Render(card);
        var texts = Blocks(message).Select(b => b.ToJsonString()).ToList();

        Assert.Contains(texts, t => t.Contains("Why?"));
        Assert.Contains(texts, t => t.Contains("inside"));
        Assert.Contains(texts, t => t.Contains("More, Huge"));
        Assert.DoesNotContain(Blocks(message), b => b["type"]!.GetValue<string>() == "actions");
    }

    [Fact]
    public void TruncationNeverCutsAnEntityInHalf()
    {
        var escaped = Mrkdwn.Escape(new string('a', 2997) + "<<<");

        var cut = Mrkdwn.Truncate(escaped, 3000);

        Assert.True(cut.Length <= 3000);
        Assert.EndsWith("a…", cut);
    }
}
