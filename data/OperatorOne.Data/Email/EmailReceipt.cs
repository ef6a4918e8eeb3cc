namespace OperatorOne.Data.Email;

/// <summary>
/// One mail seen in a support mailbox, by its IMAP identity (mailbox, UIDVALIDITY, UID). Every replica records what it
/// finds with ON CONFLICT DO NOTHING and then claims rows with FOR UPDATE SKIP LOCKED, so a mail is taken once.
/// </summary>
public sealed class EmailReceipt
{
    public long Id { get; set; }
    public Guid OrganizationId { get; set; }

    /// <summary>The mailbox address (the installation's external id) and the IMAP folder: "support@example.com/INBOX".</summary>
    public required string Mailbox { get; set; }
    public long UidValidity { get; set; }
    public long Uid { get; set; }

    /// <summary>The size the server reported (RFC822.SIZE), checked before the mail is downloaded.</summary>
    public long SizeBytes { get; set; }
    public string? MessageId { get; set; }
    public EmailReceiptStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public string? ClaimedBy { get; set; }
    public DateTimeOffset? ClaimedUntil { get; set; }

    /// <summary>Why the mail was refused, skipped or failed; what happened to it otherwise.</summary>
    public string? Outcome { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ProcessedAt { get; set; }
}

public enum EmailReceiptStatus
{
    Pending,

    /// <summary>Ran as a turn (a ticket opened, a comment added, or an answer saying why not).</summary>
    Done,

    /// <summary>Not run: an auto-reply, a bounce or a read receipt; recorded so nobody answers it.</summary>
    Skipped,

    /// <summary>Not run: larger than Email:MaxMessageBytes or unreadable MIME.</summary>
    Refused,

    /// <summary>Given up after repeated failures on our side.</summary>
    Failed,
}
