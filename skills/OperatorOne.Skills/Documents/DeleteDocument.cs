using System.ComponentModel;
using Microsoft.EntityFrameworkCore;
using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Data;
using OperatorOne.Data.Members;
using static OperatorOne.Skills.Documents.DocumentPhrases;

namespace OperatorOne.Skills.Documents;

/// <summary>Deletes a document and its bytes for good; risky, so an admin approves first. Owner or admin only.</summary>
internal static class DeleteDocument
{
    public static ToolDefinition Definition { get; } = new()
    {
        Name = "delete_document",
        Description = "Delete a document permanently",
        Tier = ToolTier.RiskyWrite,
        MinimumRole = MemberRole.Member,
        ApproverRole = MemberRole.Admin,
        Handler = RunAsync,
        Utterances =
        [
            // "delete the document VPN setup guide", "remove file expense policy for good"
            Utterance.Of($"(please )?(delete|remove|erase|trash|purge|get rid of) (the |my |our )?{Doc} (called |named |titled )?(?<document>.+?)( permanently| for good)?"),
            // "delete the expense policy document", "trash old runbook pdf"
            Utterance.Of($"(please )?(delete|remove|erase|trash|purge|get rid of) (the |my |our )?(?<document>.+?) {Doc}( permanently| for good)?"),
            // "Please delete 'Supplier NDA - Nordic Flour (unsigned)'": a name in quotes is a document's own name, whatever its words.
            Utterance.Of($"(please )?(delete|remove|erase|trash|purge|get rid of) [\"“‘'](?<document>[^\"”’']+)[\"”’']( permanently| for good)?"),
            Utterance.Of($"(delete|remove) (a|the) {Doc}"),
        ],
        Prompts = new Dictionary<string, string> { ["document"] = "Which document? Tell me its title." },
        HelpExample = "delete the document expense policy",
        Summarize = SummarizeAsync,
        Check = CheckAsync,
    };

    public static async Task<ToolResult> RunAsync(
        OperatorOneDb db,
        Caller caller,
        [Description("The document's title or file name.")] string document,
        CancellationToken cancellationToken = default)
    {
        // After an approval this runs in the approver's turn; it still acts for (and sees what) the requester may.
        await DocumentRights.ActAsCallerAsync(db, caller, cancellationToken);
        var (found, problem) = await DocumentMatch.FindAsync(db, document, "document", cancellationToken);
        if (found is null)
        {
            return problem ?? ToolResult.Refused("I couldn't find that document.");
        }
        if (!DocumentRights.MayChange(found, caller))
        {
            return DocumentRights.NotYours(found);
        }
        // The bytes go through ON DELETE CASCADE.
        var deleted = await db.Documents.Where(d => d.Id == found.Id).ExecuteDeleteAsync(cancellationToken);
        return deleted == 0 ? ToolResult.Refused($"\"{found.Title}\" was already gone.") : new ToolResult($"Deleted the document \"{found.Title}\".");
    }

    /// <summary>No approval is asked for a document that is not there (for the caller) or that they may not delete.</summary>
    public static async Task<ToolResult?> CheckAsync(OperatorOneDb db, Caller caller, string document, CancellationToken cancellationToken)
    {
        await DocumentRights.ActAsCallerAsync(db, caller, cancellationToken);
        var (found, problem) = await DocumentMatch.FindAsync(db, document, "document", cancellationToken);
        return found is null ? problem ?? ToolResult.Refused("I couldn't find that document.")
            : DocumentRights.MayChange(found, caller) ? null : DocumentRights.NotYours(found);
    }

    /// <summary>"Delete document “VPN setup guide”" on the approval card, so approvers see what goes.</summary>
    public static async Task<string> SummarizeAsync(OperatorOneDb db, Caller caller, string document, CancellationToken cancellationToken)
    {
        await DocumentRights.ActAsCallerAsync(db, caller, cancellationToken);
        var (found, _) = await DocumentMatch.FindAsync(db, document, "document", cancellationToken);
        return found is null ? $"Delete document \"{document}\"" : $"Delete document \"{found.Title}\" ({found.FileName})";
    }
}
