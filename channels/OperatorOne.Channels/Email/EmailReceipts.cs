using Microsoft.EntityFrameworkCore;
using OperatorOne.Data;
using OperatorOne.Data.Email;

namespace OperatorOne.Channels.Email;

/// <summary>
/// The ledger of mail seen in each mailbox. Every replica records the UIDs it finds (ON CONFLICT DO NOTHING) and claims
/// rows with FOR UPDATE SKIP LOCKED under a lease, so each mail is taken by one replica; a crashed replica's claims
/// expire and are taken again (the turn's de-duplication keeps a committed mail from running twice).
/// </summary>
internal sealed class EmailReceipts
{
    public const int MaxAttempts = 3;

    public static string Key(string address, string folder) => $"{address}/{folder}";

    /// <summary>The highest UID recorded for this mailbox generation; only UIDs above it are new.</summary>
    public async Task<long> WatermarkAsync(OperatorOneDb db, string mailbox, long uidValidity, CancellationToken cancellationToken) =>
        await db.EmailReceipts.Where(r => r.Mailbox == mailbox && r.UidValidity == uidValidity).MaxAsync(r => (long?)r.Uid, cancellationToken) ?? 0;

    public async Task RecordAsync(OperatorOneDb db, Guid organizationId, string mailbox, long uidValidity, IReadOnlyList<(long Uid, long Size)> found,
        CancellationToken cancellationToken)
    {
        if (found.Count == 0)
        {
            return;
        }
        var uids = found.Select(f => f.Uid).ToArray();
        var sizes = found.Select(f => f.Size).ToArray();
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO email_receipts (organization_id, mailbox, uid_validity, uid, size_bytes, status, attempts, next_attempt_at, created_at)
            SELECT {organizationId}, {mailbox}, {uidValidity}, t.uid, t.size, 'Pending', 0, now(), now()
              FROM unnest({uids}::bigint[], {sizes}::bigint[]) AS t(uid, size)
            ON CONFLICT (organization_id, mailbox, uid_validity, uid) DO NOTHING
            """, cancellationToken);
    }

    public async Task<List<ClaimedReceipt>> ClaimAsync(OperatorOneDb db, string mailbox, long uidValidity, string worker, int batch, int leaseSeconds,
        CancellationToken cancellationToken) =>
        await db.Database.SqlQuery<ClaimedReceipt>($"""
            UPDATE email_receipts r
               SET claimed_by = {worker}, claimed_until = now() + make_interval(secs => {leaseSeconds}), attempts = r.attempts + 1
             WHERE r.id IN (
                   SELECT c.id FROM email_receipts c
                    WHERE c.mailbox = {mailbox} AND c.uid_validity = {uidValidity} AND c.status = 'Pending' AND c.next_attempt_at <= now()
                      AND (c.claimed_until IS NULL OR c.claimed_until < now())
                    ORDER BY c.uid
                    LIMIT {batch}
                    FOR UPDATE SKIP LOCKED)
            RETURNING r.id AS "Id", r.uid AS "Uid", r.size_bytes AS "SizeBytes", r.attempts AS "Attempts"
            """).ToListAsync(cancellationToken);

    /// <summary>Done, skipped or refused, by the replica that holds the claim (a late one whose lease ran out changes nothing).</summary>
    public async Task FinishAsync(OperatorOneDb db, MailboxClaim claim, EmailReceiptStatus status, string outcome, string? messageId, CancellationToken cancellationToken)
    {
        var text = status.ToString();
        var summary = outcome.Length <= 500 ? outcome : outcome[..500];
        await db.Database.ExecuteSqlAsync($"""
            UPDATE email_receipts
               SET status = {text}, outcome = {summary}, message_id = {messageId}, processed_at = now(), claimed_by = NULL, claimed_until = NULL
             WHERE id = {claim.ReceiptId} AND claimed_by = {claim.Worker} AND status = 'Pending'
            """, cancellationToken);
    }

    /// <summary>Our side failed: try again later (5 s, 10 s), then give up and keep the reason.</summary>
    public async Task FailAsync(OperatorOneDb db, MailboxClaim claim, string error, CancellationToken cancellationToken)
    {
        if (claim.Attempts >= MaxAttempts)
        {
            await FinishAsync(db, claim, EmailReceiptStatus.Failed, error, null, cancellationToken);
            return;
        }
        var summary = error.Length <= 500 ? error : error[..500];
        await db.Database.ExecuteSqlAsync($"""
            UPDATE email_receipts
               SET outcome = {summary}, next_attempt_at = now() + make_interval(secs => {5 * claim.Attempts}), claimed_by = NULL, claimed_until = NULL
             WHERE id = {claim.ReceiptId} AND claimed_by = {claim.Worker} AND status = 'Pending'
            """, cancellationToken);
    }

    /// <summary>A stopping replica hands back what it claimed and did not finish.</summary>
    public async Task ReleaseAsync(OperatorOneDb db, string worker, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlAsync(
            $"UPDATE email_receipts SET claimed_by = NULL, claimed_until = NULL, attempts = greatest(attempts - 1, 0) WHERE claimed_by = {worker} AND status = 'Pending'",
            cancellationToken);
}

internal sealed record ClaimedReceipt(long Id, long Uid, long SizeBytes, int Attempts);
