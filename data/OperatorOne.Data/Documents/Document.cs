namespace OperatorOne.Data.Documents;

/// <summary>
/// An uploaded file with its extracted text. Row-level security admits it by <see cref="Visibility"/>: everyone in
/// the organization, the members of <see cref="TeamId"/>, or only the owner. The bytes live in
/// <see cref="DocumentContent"/> so lists and searches never read them.
/// </summary>
public sealed class Document
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }
    public required string Title { get; set; }
    public Guid OwnerId { get; set; }
    public List<string> Tags { get; set; } = [];
    public DocumentVisibility Visibility { get; set; } = DocumentVisibility.Private;

    /// <summary>The team that may read it when <see cref="Visibility"/> is Team.</summary>
    public Guid? TeamId { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long SizeBytes { get; set; }

    /// <summary>The text extracted on upload; the stored tsvector (title A, tags B, text C) is generated from it.</summary>
    public required string Text { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
