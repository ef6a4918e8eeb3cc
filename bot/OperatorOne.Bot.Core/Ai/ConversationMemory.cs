using Microsoft.EntityFrameworkCore;
using OperatorOne.Data;
using OperatorOne.Data.Conversations;

namespace OperatorOne.Bot.Core.Ai;

/// <summary>One earlier message of the conversation as the model may see it.</summary>
public sealed record MemoryTurn(long Id, bool FromUser, string Text);

/// <summary>The earlier turns the model sees: the newest that fit the token budget; the older ones are dropped.</summary>
public sealed record TrimmedMemory(IReadOnlyList<MemoryTurn> Kept, IReadOnlyList<MemoryTurn> Dropped);

/// <summary>Recent turns from the transcript, trimmed to an estimated token budget, oldest dropped first.</summary>
public static class ConversationMemory
{
    public static int EstimateTokens(string text, int charactersPerToken) =>
        (text.Length + Math.Max(1, charactersPerToken) - 1) / Math.Max(1, charactersPerToken);

    /// <summary>Keeps the newest turns (oldest first) whose estimated tokens fit the budget; never keeps a turn older than a dropped one.</summary>
    public static TrimmedMemory Trim(IReadOnlyList<MemoryTurn> oldestFirst, int tokenBudget, int charactersPerToken)
    {
        var used = 0;
        var first = oldestFirst.Count;
        for (var i = oldestFirst.Count - 1; i >= 0; i--)
        {
            var tokens = EstimateTokens(oldestFirst[i].Text, charactersPerToken);
            if (used + tokens > tokenBudget)
            {
                break;
            }
            used += tokens;
            first = i;
        }
        return new TrimmedMemory([.. oldestFirst.Skip(first)], [.. oldestFirst.Take(first)]);
    }

    /// <summary>The conversation's text messages after the summarized ones, oldest first; this turn's own message is not saved yet.</summary>
    public static async Task<IReadOnlyList<MemoryTurn>> LoadAsync(OperatorOneDb db, Guid conversationId, long afterId, int maxMessages,
        CancellationToken cancellationToken)
    {
        var newestFirst = await db.TranscriptMessages.AsNoTracking()
            .Where(m => m.ConversationId == conversationId && m.Id > afterId && m.Text != "")
            .OrderByDescending(m => m.Id)
            .Take(maxMessages)
            .Select(m => new MemoryTurn(m.Id, m.Direction == MessageDirection.Inbound, m.Text))
            .ToListAsync(cancellationToken);
        newestFirst.Reverse();
        return newestFirst;
    }
}
