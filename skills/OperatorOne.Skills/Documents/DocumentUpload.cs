using OperatorOne.Bot.Core.Webhooks;
using OperatorOne.Data;
using OperatorOne.Data.Documents;

namespace OperatorOne.Skills.Documents;

/// <summary>What became of one uploaded file: the stored document, or why not (<see cref="TooLarge"/> answers 413 over HTTP).</summary>
public sealed record UploadOutcome(Document? Document, string? Problem, bool TooLarge = false, bool Unsupported = false);

/// <summary>Stores an uploaded file for its owner: size cap, text extraction, then the document and its bytes in one save.</summary>
public static class DocumentUpload
{
    public const int MaxTitleLength = 300;

    /// <summary>The decision, without I/O: refuse (too large, unreadable) or the document to store.</summary>
    public static UploadOutcome Decide(UploadRequest request, long maxBytes, DateTimeOffset now)
    {
        if (request.Bytes.LongLength > maxBytes)
        {
            return new UploadOutcome(null, $"{request.FileName} is {Megabytes(request.Bytes.LongLength)}; the limit is {Megabytes(maxBytes)}.", TooLarge: true);
        }
        var extracted = DocumentText.Extract(request.FileName, request.ContentType, request.Bytes);
        if (extracted.Problem is { } problem)
        {
            return new UploadOutcome(null, problem, Unsupported: extracted.Unsupported);
        }
        var title = string.IsNullOrWhiteSpace(request.Title) ? TitleFromFileName(request.FileName) : request.Title.Trim();
        var document = new Document
        {
            Id = Guid.NewGuid(),
            OrganizationId = request.OrganizationId,
            OwnerId = request.OwnerId,
            Title = title.Length > MaxTitleLength ? title[..MaxTitleLength] : title,
            Tags = DocumentTags.Normalize(request.Tags),
            Visibility = request.Visibility,
            TeamId = request.Visibility == DocumentVisibility.Team ? request.TeamId : null,
            FileName = Path.GetFileName(request.FileName) is { Length: > 0 and <= 255 } name ? name : "document",
            ContentType = extracted.ContentType,
            SizeBytes = request.Bytes.LongLength,
            Text = extracted.Text,
            CreatedAt = now,
            UpdatedAt = now,
        };
        return new UploadOutcome(document, null);
    }

    public static async Task<UploadOutcome> SaveAsync(OperatorOneDb db, UploadRequest request, long maxBytes, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var outcome = Decide(request, maxBytes, now);
        if (outcome.Document is { } document)
        {
            db.Documents.Add(document);
            db.DocumentContents.Add(new DocumentContent { DocumentId = document.Id, OrganizationId = document.OrganizationId, Bytes = request.Bytes });
            await IntegrationEvents.DocumentAddedAsync(db, document, now, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }
        return outcome;
    }

    /// <summary>"vpn-setup_guide.v2.pdf" → "vpn setup guide.v2".</summary>
    public static string TitleFromFileName(string fileName)
    {
        var stem = Path.GetFileNameWithoutExtension(Path.GetFileName(fileName)).Replace('_', ' ').Replace('-', ' ').Trim();
        return stem.Length == 0 ? "Untitled document" : string.Join(' ', stem.Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    public static string Megabytes(long bytes) =>
        bytes >= 1024 * 1024 ? $"{bytes / (1024.0 * 1024.0):0.#} MB" : $"{Math.Max(1, bytes / 1024)} KB";
}

/// <summary>One file to store, and for whom.</summary>
public sealed record UploadRequest
{
    public required Guid OrganizationId { get; init; }
    public required Guid OwnerId { get; init; }
    public required string FileName { get; init; }
    public string? ContentType { get; init; }
    public required byte[] Bytes { get; init; }
    public string? Title { get; init; }
    public IReadOnlyList<string> Tags { get; init; } = [];
    public DocumentVisibility Visibility { get; init; } = DocumentVisibility.Private;

    /// <summary>The team that may read it, when <see cref="Visibility"/> is Team.</summary>
    public Guid? TeamId { get; init; }
}
