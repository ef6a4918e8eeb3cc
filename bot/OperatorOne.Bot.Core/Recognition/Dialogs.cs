using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using OperatorOne.Data;
using OperatorOne.Data.Conversations;

namespace OperatorOne.Bot.Core.Recognition;

/// <summary>An open question to the caller, stored in PostgreSQL so the answer may reach any replica.</summary>
public sealed record OpenDialog(string Tool, JsonObject Slots, string AwaitingSlot)
{
    /// <summary>What the caller was offered when a tool asked "which one?"; an answer is matched against these.</summary>
    public IReadOnlyList<string> Choices { get; init; } = [];
}

internal static class Dialogs
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    /// <summary>Choices ride in the slots document under a key no tool parameter can have.</summary>
    private const string ChoicesKey = "$choices";

    // Conversations this context has read and found without a dialog: a turn looks more than once (secrets, recognizer).
    private static readonly ConditionalWeakTable<OperatorOneDb, HashSet<Guid>> KnownWithout = new();

    /// <summary>The conversation's state row, read once per context: a tracked row or a known absence answers again.</summary>
    private static async Task<DialogState?> FindAsync(OperatorOneDb db, Guid conversationId, CancellationToken cancellationToken)
    {
        if (db.DialogStates.Local.FirstOrDefault(d => d.ConversationId == conversationId) is { } tracked)
        {
            return tracked;
        }
        var without = KnownWithout.GetOrCreateValue(db);
        if (without.Contains(conversationId))
        {
            return null;
        }
        var state = await db.DialogStates.SingleOrDefaultAsync(d => d.ConversationId == conversationId, cancellationToken);
        if (state is null)
        {
            without.Add(conversationId);
        }
        return state;
    }

    public static async Task<OpenDialog?> LoadAsync(OperatorOneDb db, Guid conversationId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var state = await FindAsync(db, conversationId, cancellationToken);
        if (state is null || state.ExpiresAt <= now)
        {
            return null;
        }
        var slots = JsonNode.Parse(state.Slots) as JsonObject ?? [];
        var choices = slots[ChoicesKey] is JsonArray offered ? offered.Select(c => c?.GetValue<string>() ?? "").ToList() : [];
        slots.Remove(ChoicesKey);
        return new OpenDialog(state.Tool, slots, state.AwaitingSlot) { Choices = choices };
    }

    public static async Task SaveAsync(OperatorOneDb db, Guid organizationId, Guid conversationId, OpenDialog dialog, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var state = await FindAsync(db, conversationId, cancellationToken);
        if (state is null)
        {
            state = new DialogState { ConversationId = conversationId, OrganizationId = organizationId, Tool = dialog.Tool, Slots = "{}", AwaitingSlot = "" };
            db.DialogStates.Add(state);
            KnownWithout.GetOrCreateValue(db).Remove(conversationId);
        }
        state.Tool = dialog.Tool;
        var stored = (JsonObject)dialog.Slots.DeepClone();
        if (dialog.Choices.Count > 0)
        {
            stored[ChoicesKey] = new JsonArray(dialog.Choices.Select(c => (JsonNode?)JsonValue.Create(c)).ToArray());
        }
        state.Slots = stored.ToJsonString();
        state.AwaitingSlot = dialog.AwaitingSlot;
        state.UpdatedAt = now;
        state.ExpiresAt = now + Lifetime;
    }

    public static async Task CloseAsync(OperatorOneDb db, Guid conversationId, CancellationToken cancellationToken)
    {
        var state = await FindAsync(db, conversationId, cancellationToken);
        if (state is not null)
        {
            db.DialogStates.Remove(state);
        }
    }
}
