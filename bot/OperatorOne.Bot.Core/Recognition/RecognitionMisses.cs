using OperatorOne.Bot.Core.Tools;
using OperatorOne.Data.Recognition;

namespace OperatorOne.Bot.Core.Recognition;

/// <summary>Writes what could not be placed (or only guessed) to the admin-visible list, in the turn's transaction.</summary>
internal static class RecognitionMisses
{
    public static RecognitionMiss Record(ToolContext context, string text, Understanding understanding)
    {
        var miss = new RecognitionMiss
        {
            Id = Guid.NewGuid(),
            OrganizationId = context.OrganizationId,
            CreatedAt = context.Now,
            Channel = context.Caller.Channel,
            MemberId = context.Caller.MemberId,
            ConversationId = context.ConversationId,
            Text = text.Length > 500 ? text[..500] : text,
            Kind = understanding.Kind == UnderstandingKind.Unsure ? RecognitionMissKind.Unsure : RecognitionMissKind.Unknown,
            Guesses = string.Join(", ", understanding.Candidates.Select(c => $"{c.Tool.Name} {c.Score:0.00}")),
            Confidence = Math.Round(understanding.Confidence, 3),
        };
        context.Db.RecognitionMisses.Add(miss);
        return miss;
    }

    /// <summary>The person picked a choice: the miss says which, so an admin sees what they meant.</summary>
    public static async Task ChosenAsync(ToolContext context, Guid missId, string tool, CancellationToken cancellationToken)
    {
        if (await context.Db.RecognitionMisses.FindAsync([missId], cancellationToken) is { } miss && miss.ConversationId == context.ConversationId)
        {
            miss.ChosenTool = tool;
        }
    }
}
