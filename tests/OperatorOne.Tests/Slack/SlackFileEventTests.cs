using System.Text;
using System.Text.Json.Nodes;
using OperatorOne.Bot.Core.Activities;
using OperatorOne.Channels.Slack;

namespace OperatorOne.Tests.Slack;

/// <summary>Reading file shares out of Events API envelopes, and Slack's link syntax for the core's Markdown links. Pure.</summary>
public sealed class SlackFileEventTests
{
    private static SlackInbound Read(JsonObject inner) => SlackEvents.Read(Encoding.UTF8.GetBytes(new JsonObject
    {
        ["type"] = "event_callback",
        ["team_id"] = "T1",
        ["event_id"] = "Ev1",
        ["event"] = inner,
    }.ToJsonString()));

    private static JsonObject Dm(string? subtype, JsonArray? files) => new()
    {
        ["type"] = "message",
        ["channel_type"] = "im",
        ["channel"] = "D1",
        ["user"] = "U1",
        ["ts"] = "1700000000.000100",
        ["text"] = "tag: hr",
        ["subtype"] = subtype,
        ["bot_id"] = null,
        ["files"] = files,
    };

    [Fact]
    public void AFileShareIsATurnCarryingItsFilesAndTheTypedText()
    {
        var inbound = Read(Dm("file_share", new JsonArray(
            new JsonObject
            {
                ["id"] = "F1", ["name"] = "policy.pdf", ["mimetype"] = "application/pdf", ["size"] = 1234,
                ["url_private"] = "https://files.slack.com/files-pri/T1-F1/policy.pdf",
                ["url_private_download"] = "https://files.slack.com/files-pri/T1-F1/download/policy.pdf",
            },
            new JsonObject { ["id"] = "F2", ["filetype"] = "md", ["url_private"] = "https://files.slack.com/files-pri/T1-F2/notes" },
            new JsonObject { ["name"] = "no id" },
            new JsonObject { ["id"] = "F3", ["name"] = "hidden.txt", ["mode"] = "hidden_by_limit" })));

        var work = Assert.IsType<SlackInbound.Turn>(inbound).Work;
        Assert.Equal("tag: hr", work.Turn.Activity.Text);
        Assert.Equal(["policy.pdf", "file.md", "hidden.txt"], work.Files.Select(f => f.Name));
        Assert.Equal(new Uri("https://files.slack.com/files-pri/T1-F1/download/policy.pdf"), work.Files[0].Url);
        Assert.Equal(1234, work.Files[0].Size);
        Assert.Equal(new Uri("https://files.slack.com/files-pri/T1-F2/notes"), work.Files[1].Url);
        Assert.Null(work.Files[2].Url);
        Assert.Equal(["policy.pdf", "file.md", "hidden.txt"], work.Turn.Activity.Attachments!.Select(a => a.Name));
        Assert.All(work.Turn.Activity.Attachments!, a => Assert.Null(a.ContentUrl));
    }

    [Fact]
    public void TheQueuedWorkKeepsItsFilesThroughStorage()
    {
        var work = Assert.IsType<SlackInbound.Turn>(Read(Dm("file_share", new JsonArray(new JsonObject
        {
            ["id"] = "F1", ["name"] = "a.txt", ["size"] = 5, ["url_private_download"] = "https://files.slack.com/files-pri/T1-F1/download/a.txt",
        })))).Work;

        var stored = BotJson.Deserialize<SlackWork>(BotJson.Serialize(work));

        Assert.Equal(work.Files, stored.Files);
    }

    [Fact]
    public void AMalformedFilesFieldIsReadAsNoFiles()
    {
        var inner = Dm("file_share", null);
        inner["files"] = "not an array";

        var work = Assert.IsType<SlackInbound.Turn>(Read(inner)).Work;

        Assert.Empty(work.Files);
        Assert.Null(work.Turn.Activity.Attachments);
    }

    [Fact]
    public void OtherMessageSubtypesAreStillIgnored()
    {
        var fromBot = Dm("file_share", null);
        fromBot["bot_id"] = "B1";

        Assert.IsType<SlackInbound.Ignored>(Read(Dm("message_changed", null)));
        Assert.IsType<SlackInbound.Ignored>(Read(fromBot));
    }

    [Fact]
    public void MarkdownLinksBecomeSlackLinksAndOtherTextStaysEscaped()
    {
        var message = BlockKit.Render(Activity.Message("Saved [Q3 <plan>](https://bot.example/d/1?o=1&m=2) and [local](/documents/2) a<b"));

        Assert.Equal("Saved <https://bot.example/d/1?o=1&amp;m=2|Q3 &lt;plan&gt;> and [local](/documents/2) a&lt;b", message.Text);
    }
}
