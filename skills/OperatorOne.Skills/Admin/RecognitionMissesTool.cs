using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Data;
using OperatorOne.Data.Members;

namespace OperatorOne.Skills.Admin;

/// <summary>"What did people ask that you couldn't place": the recognizer's misses, newest first, so an admin can add phrasings.</summary>
internal static class RecognitionMissesTool
{
    private const int Shown = 20;

    public static ToolDefinition Definition { get; } = new()
    {
        Name = "list_recognition_misses",
        Description = "Show what people asked that the bot could not place, or only guessed at",
        Tier = ToolTier.ReadOnly,
        MinimumRole = MemberRole.Admin,
        Handler = RunAsync,
        Utterances =
        [
            Utterance.Of("what did (people|users|members|they|we|folks) (ask|say|type)( that)? (you|the bot|it) (couldn['’]?t|could not|did not|didn['’]?t) (place|understand|get|recogni[sz]e)"),
            Utterance.Of("(show|list|get)( me)?( the)? (recognition |nlu |understanding )?(misses|missed (questions|requests|messages)|things you didn['’]?t understand)"),
            Utterance.Of("what (have you|did you) (not understood|not understand|fail to understand|miss)( lately| recently)?"),
        ],
        HelpExample = "what did people ask that you couldn't place",
    };

    public static async Task<ToolResult> RunAsync(OperatorOneDb db, CancellationToken cancellationToken = default)
    {
        var misses = await db.RecognitionMisses.AsNoTracking().OrderByDescending(m => m.CreatedAt).Take(Shown).ToListAsync(cancellationToken);
        if (misses.Count == 0)
        {
            return new ToolResult("Nothing yet: I've placed everything people asked.");
        }
        var lines = misses.Select(m =>
        {
            var when = m.CreatedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
            var guess = m.Guesses.Length == 0 ? "no guess" : $"guessed {m.Guesses}";
            var chosen = m.ChosenTool is null ? "" : $"; they picked {m.ChosenTool}";
            return $"- {when} ({m.Channel}): \"{m.Text}\" — {guess}{chosen}";
        });
        return new ToolResult($"The last {misses.Count} things I couldn't place (add phrasings for them):\n{string.Join("\n", lines)}");
    }
}
