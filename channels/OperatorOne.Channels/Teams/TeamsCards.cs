using System.Text.Json;
using System.Text.Json.Nodes;
using OperatorOne.Bot.Core.Activities;
using OperatorOne.Bot.Core.Approvals;

namespace OperatorOne.Channels.Teams;

/// <summary>
/// Renders the core's channel-free cards for Teams: approval buttons (Action.Submit with a decision) become
/// Universal Actions (Action.Execute with the decision as verb and the same data), so a click arrives as an invoke
/// that can answer with the updated card.
/// </summary>
internal static class TeamsCards
{
    public static JsonObject Render(JsonObject card)
    {
        var rendered = card.DeepClone().AsObject();
        Rewrite(rendered);
        return rendered;
    }

    /// <summary>
    /// An outbound activity for Teams. Text beside a card makes Teams split it into two messages, and the card's
    /// id is then lost for later updates, so the text becomes the notification summary instead.
    /// </summary>
    public static Activity Render(Activity activity)
    {
        if (activity.Attachments is not { Count: > 0 } attachments)
        {
            return activity;
        }
        var rendered = attachments
            .Select(a => a.ContentType == Attachment.AdaptiveCardType && a.Content is JsonObject card ? a with { Content = Render(card) } : a)
            .ToList();
        if (string.IsNullOrEmpty(activity.Text))
        {
            return activity with { Attachments = rendered };
        }
        var extra = new Dictionary<string, JsonElement>(activity.Extra ?? [])
        {
            ["summary"] = JsonSerializer.SerializeToElement(activity.Text),
        };
        return activity with { Attachments = rendered, Text = null, Extra = extra };
    }

    private static void Rewrite(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                if (IsApprovalSubmit(obj, out var verb))
                {
                    obj["type"] = "Action.Execute";
                    obj["verb"] = verb;
                }
                foreach (var (_, child) in obj.ToList())
                {
                    Rewrite(child);
                }
                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    Rewrite(child);
                }
                break;
        }
    }

    private static bool IsApprovalSubmit(JsonObject action, out string verb)
    {
        verb = "";
        if (action["type"]?.GetValueKind() != JsonValueKind.String || action["type"]!.GetValue<string>() != "Action.Submit")
        {
            return false;
        }
        if (action["data"] is not JsonObject data || ApprovalDecision.TryRead(data) is not { } decision)
        {
            return false;
        }
        verb = decision.Approve ? ApprovalCards.ApproveVerb : ApprovalCards.RejectVerb;
        return true;
    }
}
