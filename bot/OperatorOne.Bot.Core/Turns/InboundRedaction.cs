using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using OperatorOne.Data;
using OperatorOne.Data.Conversations;

namespace OperatorOne.Bot.Core.Turns;

/// <summary>
/// For a tool that takes a secret (a voice PIN): this turn's inbound message keeps no digits, neither in the
/// transcript row (still unsaved, written with the turn) nor in the web chat log that echoed it.
/// </summary>
public static partial class InboundRedaction
{
    public const string Mask = "•";

    public static async Task MaskDigitsAsync(OperatorOneDb db, Guid? conversationId, CancellationToken cancellationToken)
    {
        var inbound = db.ChangeTracker.Entries<TranscriptMessage>()
            .Where(e => e.State == EntityState.Added && e.Entity.Direction == MessageDirection.Inbound && e.Entity.ConversationId == conversationId)
            .Select(e => e.Entity)
            .ToList();
        foreach (var message in inbound)
        {
            message.Text = MaskDigits(message.Text);
            message.Activity = MaskActivity(message.Activity);
            if (message.ActivityId is { } activityId)
            {
                var logged = await db.DirectLineActivities.Where(a => a.ActivityId == activityId).ToListAsync(cancellationToken);
                foreach (var entry in logged)
                {
                    entry.Activity = MaskActivity(entry.Activity);
                }
            }
        }
    }

    /// <summary>
    /// The inbound activity as a log written after the tool ran must show it: masked when this turn masked its
    /// transcript row (the web chat echoes the message in the turn's transaction, after the tools).
    /// </summary>
    public static Activities.Activity AsRecorded(OperatorOneDb db, Activities.Activity inbound)
    {
        var masked = inbound.Id is { } id && db.ChangeTracker.Entries<TranscriptMessage>().Any(e =>
            e.State == EntityState.Added && e.Entity.Direction == MessageDirection.Inbound && e.Entity.ActivityId == id
            && e.Entity.Text != (inbound.Text ?? ""));
        return masked ? inbound with { Text = MaskDigits(inbound.Text ?? ""), Value = null } : inbound;
    }

    public static string MaskDigits(string text) => Digit().Replace(text, Mask);

    private static string MaskActivity(string json)
    {
        if (JsonNode.Parse(json) is not JsonObject activity)
        {
            return json;
        }
        if (activity["text"] is JsonValue text && text.TryGetValue<string>(out var value))
        {
            activity["text"] = MaskDigits(value);
        }
        activity.Remove("value");
        return activity.ToJsonString();
    }

    [GeneratedRegex(@"\d", RegexOptions.CultureInvariant)]
    private static partial Regex Digit();
}
