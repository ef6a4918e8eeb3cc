using System.ComponentModel;
using Microsoft.EntityFrameworkCore;
using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Data;
using OperatorOne.Data.Members;

namespace OperatorOne.Skills.Admin;

/// <summary>What the business does, in its own words: the assistant's system prompt carries it on every LLM turn.</summary>
internal static class SetBusinessContext
{
    public const int MaxLength = 20_000;

    public static ToolDefinition Definition { get; } = new()
    {
        Name = "set_business_context",
        Description = "Set the business context: what the organization does, given to the AI assistant with every request",
        Tier = ToolTier.SafeWrite,
        MinimumRole = MemberRole.Admin,
        Handler = RunAsync,
        Utterances =
        [
            Utterance.Of("(set|change|update|replace)( the| our)? (business|company|organi[sz]ation) (context|description)( to| as)?( ?[:\\-–])? (?<description>.+)"),
            Utterance.Of("(business|company) context ?[:\\-–] ?(?<description>.+)"),
            Utterance.Of("our business is:? (?<description>.+)"),
            Utterance.Of("tell the (assistant|ai|bot) that (?<description>.+)"),
            Utterance.Of("(set|change|update)( the| our)? (business|company) context"),
        ],
        Prompts = new Dictionary<string, string> { ["description"] = "What should the assistant know about the business?" },
        HelpExample = "set the business context to: we repair bicycles in Ghent",
    };

    public static async Task<ToolResult> RunAsync(
        OperatorOneDb db,
        CurrentOrganization organization,
        [Description("What the organization does, for whom, and anything the assistant should always know.")] string description,
        CancellationToken cancellationToken = default)
    {
        var text = description.Trim();
        if (text.Length is 0 or > MaxLength)
        {
            return ToolResult.Refused($"The business context must be 1 to {MaxLength:N0} characters.");
        }
        var row = await db.Organizations.SingleAsync(o => o.Id == organization.Id, cancellationToken);
        var before = row.BusinessContext;
        row.BusinessContext = text;
        return new ToolResult(before.Length == 0
            ? "Saved the business context; the assistant will use it from now on."
            : $"Updated the business context (it was: \"{(before.Length > 120 ? before[..120] + "…" : before)}\").");
    }
}
