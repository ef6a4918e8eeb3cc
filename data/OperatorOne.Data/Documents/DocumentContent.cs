namespace OperatorOne.Data.Documents;

/// <summary>The bytes of a document; visible exactly when its document is.</summary>
public sealed class DocumentContent
{
    public Guid DocumentId { get; set; }
    public Guid OrganizationId { get; set; }
    public required byte[] Bytes { get; set; }
}
