namespace OperatorOne.Channels.Email;

/// <summary>One mail this replica claimed: where it is (mailbox, folder, UIDVALIDITY, UID), its receipt row and who holds it.</summary>
internal sealed record MailboxClaim(Guid OrganizationId, string Address, string Folder, long UidValidity, long Uid, long ReceiptId, long SizeBytes, int Attempts, string Worker)
{
    public string Key => EmailReceipts.Key(Address, Folder);

    /// <summary>What identifies a mail without a Message-ID.</summary>
    public string FallbackId => $"{Key}/{UidValidity}/{Uid}";
}
