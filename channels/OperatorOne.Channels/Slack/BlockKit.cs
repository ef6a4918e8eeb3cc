using System.Text.Json.Nodes;
using OperatorOne.Bot.Core.Activities;

namespace OperatorOne.Channels.Slack;

/// <summary>A Slack message body: the notification/fallback text and the Block Kit blocks (none for plain text).</summary>
internal sealed record SlackMessage(string Text, JsonArray? Blocks);

/// <summary>
/// Renders a bot activity for Slack: its text, and its Adaptive Card as Block Kit within Slack's limits. What Block
/// Kit cannot show faithfully degrades to readable text, never to an error. Pure.
/// </summary>
internal static class BlockKit
{
    public const int MaxBlocks = 50;
    public const int MaxText = 3000;
    public const int MaxFallbackText = 4000;

    public static SlackMessage Render(Activity activity)
    {
        var text = activity.Text?.Trim() ?? "";
        var cards = activity.Attachments?
            .Where(a => a.ContentType == Attachment.AdaptiveCardType && a.Content is JsonObject)
            .Select(a => (JsonObject)a.Content!)
            .ToList() ?? [];
        if (cards.Count == 0)
        {
            return new SlackMessage(Mrkdwn.Truncate(Mrkdwn.Links(Mrkdwn.Escape(text)), MaxFallbackText), null);
        }
        var body = new List<JsonObject>();
        var actions = new List<JsonObject>();
        if (text.Length > 0)
        {
            body.Add(Section(text));
        }
        foreach (var card in cards)
        {
            CardBlocks.AddElements(card["body"] as JsonArray, body);
            actions.AddRange(CardBlocks.Actions(card["actions"] as JsonArray, body));
        }
        var fallback = text.Length > 0 ? text : FirstText(cards) ?? "OperatorOne sent a card.";
        return new SlackMessage(Mrkdwn.Truncate(Mrkdwn.Links(Mrkdwn.Escape(fallback)), MaxFallbackText), Fit(body, actions));
    }

    /// <summary>Keeps every actions block (they carry the decisions) and cuts body blocks past the 50-block limit.</summary>
    internal static JsonArray Fit(List<JsonObject> body, List<JsonObject> actions)
    {
        var room = MaxBlocks - actions.Count;
        var blocks = new JsonArray();
        if (body.Count > room)
        {
            foreach (var block in body.Take(room - 1))
            {
                blocks.Add(block);
            }
            blocks.Add(Context("Some of this message was cut to fit Slack."));
        }
        else
        {
            foreach (var block in body)
            {
                blocks.Add(block);
            }
        }
        foreach (var block in actions.Take(MaxBlocks))
        {
            blocks.Add(block);
        }
        return blocks;
    }

    public static JsonObject Section(string text) => new()
    {
        ["type"] = "section",
        ["text"] = MrkdwnText(Mrkdwn.Truncate(Mrkdwn.Escape(text), MaxText)),
    };

    public static JsonObject Context(string text) => new()
    {
        ["type"] = "context",
        ["elements"] = new JsonArray(MrkdwnText(Mrkdwn.Truncate(Mrkdwn.Escape(text), MaxText))),
    };

    public static JsonObject MrkdwnText(string escaped) => new() { ["type"] = "mrkdwn", ["text"] = escaped };

    public static JsonObject PlainText(string text, int max) => new() { ["type"] = "plain_text", ["text"] = Mrkdwn.Plain(text, max), ["emoji"] = true };

    private static string? FirstText(List<JsonObject> cards) =>
        cards.SelectMany(c => (c["body"] as JsonArray ?? []).OfType<JsonObject>())
            .Select(e => CardBlocks.String(e, "text"))
            .FirstOrDefault(t => !string.IsNullOrWhiteSpace(t));
}
