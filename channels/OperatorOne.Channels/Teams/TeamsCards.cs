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
    public const string RefreshVerb = "refresh";

    /// <summary>
    /// The card for Teams. A live approval card also gets a refresh action for <paramref name="refreshFor"/> (Teams user
    /// ids): their clients re-fetch it when shown, so an approver who opens an old chat sees whether it was decided.
    /// </summary>
    public static JsonObject Render(JsonObject card, IReadOnlyList<string>? refreshFor = null)
    {
        var rendered = card.DeepClone().AsObject();
        var approvals = new HashSet<Guid>();
        Rewrite(rendered, approvals);
        if (refreshFor is { Count: > 0 } && approvals.Count == 1)
        {
            rendered["refresh"] = new JsonObject
            {
                ["action"] = new JsonObject
                {
                    ["type"] = "Action.Execute",
                    ["verb"] = RefreshVerb,
                    ["data"] = new JsonObject { ["approvalId"] = approvals.Single().ToString() },
                },
                // Teams caps the list at 60 users.
                ["userIds"] = new JsonArray([.. refreshFor.Take(60).Select(id => (JsonNode)id)]),
            };
        }
        return rendered;
    }

    /// <summary>The approval a refresh invoke asks about, from the action's data.</summary>
    public static Guid? RefreshedApproval(JsonNode? data) =>
        data is JsonObject obj && obj["approvalId"]?.GetValueKind() == JsonValueKind.String && Guid.TryParse(obj["approvalId"]!.GetValue<string>(), out var id)
            ? id
            : null;

    /// <summary>
    /// An outbound activity for Teams. Text beside a card makes Teams split it into two messages, and the card's
    /// id is then lost for later updates, so the text becomes the notification summary instead.
    /// </summary>
    public static Activity Render(Activity activity, IReadOnlyList<string>? refreshFor = null)
    {
        if (activity.Attachments is not { Count: > 0 } attachments)
        {
            return activity;
        }
        var rendered = attachments
            .Select(a => a.ContentType == Attachment.AdaptiveCardType && a.Content is JsonObject card ? a with { Content = Render(card, refreshFor) } : a)
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

    private static void Rewrite(JsonNode? node, HashSet<Guid> approvals)
    {
        switch (node)
        {
            case JsonObject obj:
                if (IsApprovalSubmit(obj, out var decision))
                {
                    obj["type"] = "Action.Execute";
                    obj["verb"] = decision.Approve ? ApprovalCards.ApproveVerb : ApprovalCards.RejectVerb;
                    approvals.Add(decision.ApprovalId);
                }
                foreach (var (_, child) in obj.ToList())
                {
                    Rewrite(child, approvals);
                }
                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    Rewrite(child, approvals);
                }
                break;
        }
    }

    private static bool IsApprovalSubmit(JsonObject action, out ApprovalDecision decision)
    {
        decision = null!;
        if (action["type"]?.GetValueKind() != JsonValueKind.String || action["type"]!.GetValue<string>() != "Action.Submit")
        {
            return false;
        }
        if (action["data"] is not JsonObject data || ApprovalDecision.TryRead(data) is not { } read)
        {
            return false;
        }
        decision = read;
        return true;
    }
}
