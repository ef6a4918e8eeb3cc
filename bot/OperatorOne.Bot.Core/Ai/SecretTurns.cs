using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Bot.Core.Tools;

namespace OperatorOne.Bot.Core.Ai;

/// <summary>
/// Which turns carry a secret a tool takes (a voice PIN), so the built-in recognizer answers them and their text never
/// goes to a provider. Deciding by routing, not by masking, is what makes it impossible rather than unlikely: a
/// masking pattern can miss a phrasing, but a turn that is never sent cannot leak.
/// <list type="bullet">
/// <item>a message matching a secret-taking tool's own patterns ("set my voice pin 4821", "change my phone PIN to 4821");</item>
/// <item>the answer to a question that tool asked ("What should your voice PIN be?" → "4821"), whatever it says.</item>
/// </list>
/// The model itself never gets a secret parameter (see <see cref="GatedToolFunction"/>): when it picks such a tool, the
/// question is asked as a built-in dialog, so the answer lands here too. Anything else still goes through the
/// <see cref="Redactor"/>, which masks PIN-like digits next to the word PIN as a second line.
/// </summary>
internal static class SecretTurns
{
    public static async Task<bool> CarriesSecretAsync(string text, ToolContext context, ToolRegistry registry, CancellationToken cancellationToken)
    {
        var secretTools = registry.All.Where(t => t.Definition.SecretParameters.Count > 0).ToList();
        if (secretTools.Count == 0)
        {
            return false;
        }
        if (context.ConversationId is { } conversationId
            && await Dialogs.LoadAsync(context.Db, conversationId, context.Now, cancellationToken) is { } dialog
            && registry.Find(dialog.Tool) is { } asking
            && asking.Definition.SecretParameters.Contains(dialog.AwaitingSlot))
        {
            return true;
        }
        return UtteranceMatcher.Match(UtteranceMatcher.Normalize(text), secretTools) is not null;
    }
}
