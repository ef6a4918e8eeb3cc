using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using OperatorOne.Data;
using OperatorOne.Data.Conversations;

namespace OperatorOne.Bot.Core.Recognition;

/// <summary>An open question to the caller, stored in PostgreSQL so the answer may reach any replica.</summary>
public sealed record OpenDialog(string Tool, JsonObject Slots, string AwaitingSlot);

internal static class Dialogs
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    public static async Task<OpenDialog?> LoadAsync(OperatorOneDb db, Guid conversationId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var state = await db.DialogStates.SingleOrDefaultAsync(d => d.ConversationId == conversationId, cancellationToken);
        if (state is null || state.ExpiresAt <= now)
        {
            return null;
        }
        return new OpenDialog(state.Tool, JsonNode.Parse(state.Slots) as JsonObject ?? [], state.AwaitingSlot);
    }

    public static async Task SaveAsync(OperatorOneDb db, Guid organizationId, Guid conversationId, OpenDialog dialog, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var state = await db.DialogStates.SingleOrDefaultAsync(d => d.ConversationId == conversationId, cancellationToken);
        if (state is null)
        {
            state = new DialogState { ConversationId = conversationId, OrganizationId = organizationId, Tool = dialog.Tool, Slots = "{}", AwaitingSlot = "" };
            db.DialogStates.Add(state);
        }
        state.Tool = dialog.Tool;
        state.Slots = dialog.Slots.ToJsonString();
        state.AwaitingSlot = dialog.AwaitingSlot;
        state.UpdatedAt = now;
        state.ExpiresAt = now + Lifetime;
    }

    public static async Task CloseAsync(OperatorOneDb db, Guid conversationId, CancellationToken cancellationToken)
    {
        var state = await db.DialogStates.SingleOrDefaultAsync(d => d.ConversationId == conversationId, cancellationToken);
        if (state is not null)
        {
            db.DialogStates.Remove(state);
        }
    }
}
