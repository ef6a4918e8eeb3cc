using Microsoft.Extensions.Options;
using OperatorOne.Bot.Core.Audit;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Bot.Core.Turns;
using OperatorOne.Data.Audit;
using OperatorOne.Data.Members;

namespace OperatorOne.Skills.Documents;

/// <summary>
/// Files sent in chat (any channel) become private documents of the sender; text typed with a single file becomes
/// its title. Members and above may upload; each file gets its own answer.
/// </summary>
internal sealed class DocumentIntake(IOptions<DocumentsOptions> options, DocumentLinks links, AuditLog audit) : IFileIntake
{
    public long MaxBytes => options.Value.MaxBytes;

    /// <summary>The same decision the upload makes, so an HTTP upload can answer 4xx before the turn (the file is read twice).</summary>
    public FileRefusal? Inspect(InboundFile file)
    {
        if (file.Problem is { } failed)
        {
            return new FileRefusal(400, failed);
        }
        var request = new UploadRequest { OrganizationId = Guid.Empty, OwnerId = Guid.Empty, FileName = file.Name, ContentType = file.ContentType, Bytes = file.Bytes };
        var outcome = DocumentUpload.Decide(request, MaxBytes, DateTimeOffset.UnixEpoch);
        return outcome.Problem is not { } problem ? null
            : new FileRefusal(outcome.TooLarge ? 413 : outcome.Unsupported ? 415 : 400, problem);
    }

    public async Task<IReadOnlyList<Reply>> TakeAsync(IReadOnlyList<InboundFile> files, string? text, ToolContext context, CancellationToken cancellationToken)
    {
        var caller = context.Caller;
        if (caller.MemberId is not { } memberId || caller.Role < MemberRole.Member)
        {
            return [new Reply("Only members can add documents. Ask an admin if you need access.")];
        }
        await DocumentRights.ActAsCallerAsync(context.Db, context.Caller, cancellationToken);
        var replies = new List<Reply>();
        foreach (var file in files)
        {
            if (file.Problem is { } failed)
            {
                replies.Add(new Reply($"I couldn't get {file.Name}: {failed}"));
                audit.Record(context, AuditKinds.DocumentUpload, "refused", $"{file.Name}: {failed}");
                continue;
            }
            var request = new UploadRequest
            {
                OrganizationId = context.OrganizationId,
                OwnerId = memberId,
                FileName = file.Name,
                ContentType = file.ContentType,
                Bytes = file.Bytes,
                Title = files.Count == 1 ? text : null,
            };
            var outcome = await DocumentUpload.SaveAsync(context.Db, request, options.Value.MaxBytes, context.Now, cancellationToken);
            if (outcome.Document is not { } document)
            {
                replies.Add(new Reply($"I didn't keep {file.Name}: {outcome.Problem}"));
                audit.Record(context, AuditKinds.DocumentUpload, "refused", $"{file.Name}: {outcome.Problem}");
                continue;
            }
            audit.Record(context, AuditKinds.DocumentUpload, "stored", $"{document.Title} ({document.FileName}, {document.SizeBytes} bytes)");
            var link = links.For(document.Id, context.OrganizationId, memberId);
            replies.Add(new Reply($"Saved {DocumentReplies.Link(document.Title, link)} as a private document. " +
                $"Say \"share {document.Title} with everyone\" or \"tag {document.Title} as …\" to change that."));
        }
        return replies;
    }
}
