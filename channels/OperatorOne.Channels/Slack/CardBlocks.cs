using System.Text.Json;
using System.Text.Json.Nodes;

namespace OperatorOne.Channels.Slack;

/// <summary>Adaptive Card elements and actions to Block Kit blocks, one element kind at a time. Pure.</summary>
internal static class CardBlocks
{
    public const int MaxHeader = 150;
    public const int MaxFields = 10;
    public const int MaxField = 2000;
    public const int MaxButtons = 25;
    public const int MaxButtonText = 75;
    public const int MaxButtonValue = 2000;

    public static void AddElements(JsonArray? elements, List<JsonObject> blocks)
    {
        foreach (var element in (elements ?? []).OfType<JsonObject>())
        {
            AddElement(element, blocks);
        }
    }

    private static void AddElement(JsonObject element, List<JsonObject> blocks)
    {
        switch (String(element, "type"))
        {
            case "TextBlock":
                AddTextBlock(element, blocks);
                break;
            case "FactSet":
                AddFacts(element, blocks);
                break;
            case "Container":
                AddElements(element["items"] as JsonArray, blocks);
                break;
            case "ColumnSet":
                foreach (var column in (element["columns"] as JsonArray ?? []).OfType<JsonObject>())
                {
                    AddElements(column["items"] as JsonArray, blocks);
                }
                break;
            case "RichTextBlock":
                var inlines = (element["inlines"] as JsonArray ?? []).Select(i => i is JsonObject o ? String(o, "text") : i?.GetValueKind() == JsonValueKind.String ? i.GetValue<string>() : null);
                AddIfText(string.Concat(inlines), blocks);
                break;
            case "Image" when String(element, "url") is { } url && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == "https":
                blocks.Add(new JsonObject { ["type"] = "image", ["image_url"] = url, ["alt_text"] = Mrkdwn.Plain(String(element, "altText") ?? "image", 2000) });
                break;
            default:
                // Inputs, media and the like have no Block Kit twin here; whatever words they carry still reach the reader.
                AddIfText(String(element, "text") ?? String(element, "title") ?? String(element, "altText") ?? String(element, "placeholder"), blocks);
                break;
        }
    }

    private static void AddTextBlock(JsonObject element, List<JsonObject> blocks)
    {
        var text = String(element, "text");
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }
        var heading = String(element, "style") == "heading"
            || (String(element, "weight") == "Bolder" && String(element, "size") is "Medium" or "Large" or "ExtraLarge");
        if (heading && text.Length <= MaxHeader && !text.Contains('\n'))
        {
            blocks.Add(new JsonObject { ["type"] = "header", ["text"] = BlockKit.PlainText(text, MaxHeader) });
        }
        else if (heading)
        {
            blocks.Add(new JsonObject { ["type"] = "section", ["text"] = BlockKit.MrkdwnText(Mrkdwn.Truncate($"*{Mrkdwn.Escape(text)}*", BlockKit.MaxText)) });
        }
        else if (element["isSubtle"]?.GetValueKind() == JsonValueKind.True)
        {
            blocks.Add(BlockKit.Context(text));
        }
        else
        {
            blocks.Add(BlockKit.Section(text));
        }
    }

    private static void AddFacts(JsonObject element, List<JsonObject> blocks)
    {
        var fields = (element["facts"] as JsonArray ?? []).OfType<JsonObject>()
            .Select(f => BlockKit.MrkdwnText(Mrkdwn.Truncate($"*{Mrkdwn.Escape(String(f, "title") ?? "")}*\n{Mrkdwn.Escape(String(f, "value") ?? "")}", MaxField)))
            .ToList();
        foreach (var chunk in fields.Chunk(MaxFields))
        {
            blocks.Add(new JsonObject { ["type"] = "section", ["fields"] = new JsonArray([.. chunk]) });
        }
    }

    /// <summary>Card actions as buttons in actions blocks of at most 25; what cannot be a button is listed as text.</summary>
    public static List<JsonObject> Actions(JsonArray? actions, List<JsonObject> body)
    {
        var buttons = new List<JsonObject>();
        var unrendered = new List<string>();
        foreach (var action in (actions ?? []).OfType<JsonObject>())
        {
            if (Button(action, buttons.Count) is { } button)
            {
                buttons.Add(button);
            }
            else if (String(action, "title") is { Length: > 0 } title)
            {
                unrendered.Add(title);
            }
        }
        if (unrendered.Count > 0)
        {
            body.Add(BlockKit.Context($"More options ({string.Join(", ", unrendered)}) are available in Teams or the web chat."));
        }
        return buttons.Chunk(MaxButtons)
            .Select(chunk => new JsonObject { ["type"] = "actions", ["elements"] = new JsonArray([.. chunk]) })
            .ToList();
    }

    private static JsonObject? Button(JsonObject action, int index)
    {
        var title = String(action, "title");
        if (string.IsNullOrWhiteSpace(title))
        {
            return null;
        }
        var button = new JsonObject
        {
            ["type"] = "button",
            ["action_id"] = $"op1-{index}",
            ["text"] = BlockKit.PlainText(title, MaxButtonText),
        };
        switch (String(action, "type"))
        {
            case "Action.Submit" or "Action.Execute":
                var value = (action["data"] ?? new JsonObject()).ToJsonString();
                if (value.Length > MaxButtonValue)
                {
                    return null;
                }
                button["value"] = value;
                break;
            case "Action.OpenUrl" when String(action, "url") is { Length: <= 3000 } url && Uri.TryCreate(url, UriKind.Absolute, out _):
                button["url"] = url;
                break;
            default:
                return null;
        }
        switch (String(action, "style"))
        {
            case "positive":
                button["style"] = "primary";
                break;
            case "destructive":
                button["style"] = "danger";
                button["confirm"] = Confirm(title);
                break;
        }
        return button;
    }

    /// <summary>A second click for red buttons: a hasty reject or delete is the mistake worth stopping.</summary>
    private static JsonObject Confirm(string title) => new()
    {
        ["title"] = BlockKit.PlainText($"{title}?", 100),
        ["text"] = BlockKit.PlainText($"Are you sure you want to {title.ToLowerInvariant()}? This can't be undone from here.", 300),
        ["confirm"] = BlockKit.PlainText(title, 30),
        ["deny"] = BlockKit.PlainText("Cancel", 30),
        ["style"] = "danger",
    };

    public static string? String(JsonObject element, string property) =>
        element[property] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    private static void AddIfText(string? text, List<JsonObject> blocks)
    {
        if (!string.IsNullOrWhiteSpace(text))
        {
            blocks.Add(BlockKit.Section(text));
        }
    }
}
