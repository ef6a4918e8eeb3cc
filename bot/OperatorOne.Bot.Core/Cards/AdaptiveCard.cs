using System.Text.Json.Nodes;

namespace OperatorOne.Bot.Core.Cards;

/// <summary>Small builders for Adaptive Card 1.5 JSON, the one rich reply format every channel renders.</summary>
public static class AdaptiveCard
{
    public const string Schema = "http://adaptivecards.io/schemas/adaptive-card.json";

    public static JsonObject Create(IEnumerable<JsonObject> body, IEnumerable<JsonObject> actions)
    {
        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = Schema,
            ["version"] = "1.5",
            ["body"] = new JsonArray([.. body]),
        };
        var actionArray = new JsonArray([.. actions]);
        if (actionArray.Count > 0)
        {
            card["actions"] = actionArray;
        }
        return card;
    }

    public static JsonObject Heading(string text) => new()
    {
        ["type"] = "TextBlock",
        ["text"] = text,
        ["weight"] = "Bolder",
        ["size"] = "Medium",
        ["wrap"] = true,
        ["style"] = "heading",
    };

    public static JsonObject Text(string text, bool subtle = false)
    {
        var block = new JsonObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true };
        if (subtle)
        {
            block["isSubtle"] = true;
        }
        return block;
    }

    public static JsonObject Facts(params (string Title, string Value)[] facts) => new()
    {
        ["type"] = "FactSet",
        ["facts"] = new JsonArray([.. facts.Select(f => (JsonNode)new JsonObject { ["title"] = f.Title, ["value"] = f.Value })]),
    };

    public static JsonObject Submit(string title, JsonObject data, string? style = null)
    {
        var action = new JsonObject { ["type"] = "Action.Submit", ["title"] = title, ["data"] = data };
        if (style is not null)
        {
            action["style"] = style;
        }
        return action;
    }
}
