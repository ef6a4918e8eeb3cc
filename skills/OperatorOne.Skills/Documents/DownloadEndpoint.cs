using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OperatorOne.Data;

namespace OperatorOne.Skills.Documents;

/// <summary>
/// GET /documents/{id}/download with a signed link: the signature and expiry are checked, then the document is read
/// as the member the link names under row-level security, so a link never outlives that member's access.
/// </summary>
internal static class DownloadEndpoint
{
    public static async Task<Results<FileContentHttpResult, ProblemHttpResult, NotFound>> DownloadAsync(
        Guid documentId, Guid? o, Guid? m, long? e, string? s, OperatorOneDb db, DocumentLinks links, CancellationToken cancellationToken)
    {
        if (o is not { } organizationId || m is not { } memberId || e is not { } expires || string.IsNullOrEmpty(s))
        {
            return TypedResults.Problem("The link is incomplete; ask the bot for a new one.", statusCode: StatusCodes.Status400BadRequest);
        }
        switch (links.Check(documentId, organizationId, memberId, expires, s))
        {
            case LinkCheck.Forged:
                return TypedResults.Problem("The link is not valid.", statusCode: StatusCodes.Status403Forbidden);
            case LinkCheck.Expired:
                return TypedResults.Problem("The link has expired; ask the bot for a new one.", statusCode: StatusCodes.Status410Gone);
        }
        await db.UseOrganizationAsync(organizationId, cancellationToken);
        if (!await db.Members.AnyAsync(x => x.Id == memberId && x.IsActive, cancellationToken))
        {
            return TypedResults.Problem("The link's member no longer has access.", statusCode: StatusCodes.Status403Forbidden);
        }
        await db.UseMemberAsync(memberId, cancellationToken);
        var file = await db.Documents.Where(d => d.Id == documentId)
            .Join(db.DocumentContents, d => d.Id, c => c.DocumentId, (d, c) => new { d.FileName, d.ContentType, c.Bytes })
            .SingleOrDefaultAsync(cancellationToken);
        return file is null ? TypedResults.NotFound() : TypedResults.File(file.Bytes, file.ContentType, file.FileName);
    }
}
