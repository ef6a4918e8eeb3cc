using System.Text;
using Microsoft.EntityFrameworkCore;
using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Data;
using OperatorOne.Data.Members;
using static OperatorOne.Skills.Documents.DocumentPhrases;

namespace OperatorOne.Skills.Documents;

/// <summary>The caller's own documents, newest first, with tags, visibility and links.</summary>
internal static class ListMyDocuments
{
    private const int Shown = 20;

    public static ToolDefinition Definition { get; } = new()
    {
        Name = "list_my_documents",
        Description = "List the documents the caller owns",
        Tier = ToolTier.ReadOnly,
        MinimumRole = MemberRole.Viewer,
        Handler = RunAsync,
        Utterances =
        [
            // "list my documents", "show me my files", "my docs"
            Utterance.Of($"((please )?(list|show|display|get|see)( me)?( all)? )?my( own| uploaded)? {Doc}"),
            // "what documents do I have", "which files have I uploaded"
            Utterance.Of($"(what|which) {Doc} (do i have|have i (uploaded|shared|got)|are mine|did i upload)"),
            Utterance.Of($"(list|show me) (the )?{Doc} (i (own|uploaded|shared)|that are mine)"),
        ],
        HelpExample = "list my documents",
    };

    public static async Task<ToolResult> RunAsync(OperatorOneDb db, Caller caller, CurrentOrganization organization, DocumentLinks links, CancellationToken cancellationToken = default)
    {
        await DocumentRights.ActAsCallerAsync(db, caller, cancellationToken);
        var memberId = caller.MemberId ?? Guid.Empty;
        var documents = await db.Documents
            .Where(d => d.OwnerId == memberId)
            .OrderByDescending(d => d.CreatedAt)
            .Take(Shown + 1)
            .Select(d => new { d.Id, d.Title, d.Tags, d.Visibility, d.SizeBytes })
            .ToListAsync(cancellationToken);
        if (documents.Count == 0)
        {
            return new ToolResult("You have no documents yet. Send me a PDF, Word, text or Markdown file and I'll keep it.");
        }
        var text = new StringBuilder("Your documents:");
        foreach (var d in documents.Take(Shown))
        {
            var tags = d.Tags.Count == 0 ? "" : " " + string.Join(' ', d.Tags.Select(t => "#" + t));
            text.Append($"\n- {DocumentReplies.Link(d.Title, links.For(d.Id, organization.Id, memberId))}{tags} · {d.Visibility.ToString().ToLowerInvariant()} · {DocumentUpload.Megabytes(d.SizeBytes)}");
        }
        if (documents.Count > Shown)
        {
            text.Append($"\n(the newest {Shown}; search to find older ones)");
        }
        return new ToolResult(text.ToString()) { Speak = $"You have {documents.Count} documents. I've listed them in the chat." };
    }
}
