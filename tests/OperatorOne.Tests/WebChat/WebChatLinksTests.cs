using System.Text.Json;
using OperatorOne.Channels.WebChat;

namespace OperatorOne.Tests.WebChat;

public sealed class WebChatLinksTests
{
    private static readonly Uri Base = new("https://bot.example.com/");

    [Fact]
    public void AMarkdownLinkToABotPathBecomesAbsolute()
    {
        var activity = WebChatLinks.Absolute("""{"type":"message","text":"Here is [Budget](/documents/1/download?s=x) and [the site](https://example.org/a)."}""", Base);

        Assert.Equal("Here is [Budget](https://bot.example.com/documents/1/download?s=x) and [the site](https://example.org/a).",
            activity.GetProperty("text").GetString());
    }

    [Fact]
    public void ACardsOpenUrlToABotPathBecomesAbsoluteButAProtocolRelativeOneStays()
    {
        var activity = WebChatLinks.Absolute("""
            {"type":"message","attachments":[{"contentType":"application/vnd.microsoft.card.adaptive","content":{"actions":[
              {"type":"Action.OpenUrl","title":"Add to calendar","url":"/calendar/ics/abc"},
              {"type":"Action.OpenUrl","title":"Elsewhere","url":"//cdn.example.org/x"}]}}]}
            """.Replace("\n", "", StringComparison.Ordinal).Replace("  ", "", StringComparison.Ordinal), Base);
        var actions = activity.GetProperty("attachments")[0].GetProperty("content").GetProperty("actions");

        Assert.Equal("https://bot.example.com/calendar/ics/abc", actions[0].GetProperty("url").GetString());
        Assert.Equal("//cdn.example.org/x", actions[1].GetProperty("url").GetString());
    }

    [Fact]
    public void WithoutAKnownAddressTheActivityIsHandedOutAsStored()
    {
        const string stored = """{"type":"message","text":"[Budget](/documents/1/download)"}""";

        Assert.Equal(stored, JsonSerializer.Serialize(WebChatLinks.Absolute(stored, null)));
    }
}
