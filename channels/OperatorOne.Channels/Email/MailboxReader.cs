using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MimeKit;
using OperatorOne.Data;
using OperatorOne.Data.Email;

namespace OperatorOne.Channels.Email;

/// <summary>
/// Reads one support mailbox over IMAP: records new UIDs, claims what no other replica holds, runs each claimed mail
/// as a turn, then waits in IDLE (or polls when the server has none) until mail arrives or the poll interval passes.
/// </summary>
internal sealed class MailboxReader(Mailbox mailbox, string worker, EmailOptions options, EmailMailboxes mailboxes, EmailReceipts receipts,
    IServiceScopeFactory scopes, ILogger logger)
{
    private const int Batch = 10;
    private const int LeaseSeconds = 300;

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ReadAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Mailbox {Mailbox} could not be read; trying again in {Seconds} s", mailbox.Address, options.PollSeconds);
                await ReleaseAsync();
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(options.PollSeconds), stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
        await ReleaseAsync();
    }

    private async Task ReadAsync(CancellationToken stoppingToken)
    {
        var password = await mailboxes.PasswordAsync(mailbox.Address, stoppingToken)
            ?? throw new InvalidOperationException($"Mailbox {mailbox.Address} has no password (Email:Password, or the installation's secret).");
        using var client = new ImapClient();
        await client.ConnectAsync(options.Imap.Host!, options.Imap.Port, options.Imap.Security.ToMailKit(), stoppingToken);
        await client.AuthenticateAsync(mailbox.Address, password, stoppingToken);
        var folder = string.Equals(options.Imap.Folder, "INBOX", StringComparison.OrdinalIgnoreCase)
            ? client.Inbox : await client.GetFolderAsync(options.Imap.Folder, stoppingToken);
        await folder.OpenAsync(FolderAccess.ReadOnly, stoppingToken);
        logger.LogInformation("Reading mailbox {Mailbox} ({Folder}, IDLE {Idle})", mailbox.Address, folder.FullName, client.Capabilities.HasFlag(ImapCapabilities.Idle));
        while (!stoppingToken.IsCancellationRequested)
        {
            while (await SyncAsync(folder, stoppingToken) == Batch)
            {
                // A full batch: more may be waiting.
            }
            await WaitForMailAsync(client, folder, stoppingToken);
        }
        await client.DisconnectAsync(quit: true, CancellationToken.None);
    }

    /// <summary>Records UIDs above the watermark, then claims and runs a batch; returns how many were claimed.</summary>
    private async Task<int> SyncAsync(IMailFolder folder, CancellationToken cancellationToken)
    {
        var key = EmailReceipts.Key(mailbox.Address, options.Imap.Folder);
        List<ClaimedReceipt> claimed;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OperatorOneDb>();
            await db.UseOrganizationAsync(mailbox.OrganizationId, cancellationToken);
            var watermark = await receipts.WatermarkAsync(db, key, folder.UidValidity, cancellationToken);
            var query = watermark == 0 ? SearchQuery.All : SearchQuery.Uids(new UniqueIdRange(new UniqueId((uint)watermark + 1), UniqueId.MaxValue));
            // "n:*" always names the last message, even below n: only UIDs above the watermark are new.
            var uids = (await folder.SearchAsync(query, cancellationToken)).Where(u => u.Id > watermark).ToList();
            if (uids.Count > 0)
            {
                var summaries = await folder.FetchAsync(uids, MessageSummaryItems.UniqueId | MessageSummaryItems.Size, cancellationToken);
                await receipts.RecordAsync(db, mailbox.OrganizationId, key, folder.UidValidity,
                    summaries.Select(s => ((long)s.UniqueId.Id, (long)(s.Size ?? 0))).ToList(), cancellationToken);
            }
            claimed = await receipts.ClaimAsync(db, key, folder.UidValidity, worker, Batch, LeaseSeconds, cancellationToken);
        }
        foreach (var receipt in claimed)
        {
            var claim = new MailboxClaim(mailbox.OrganizationId, mailbox.Address, options.Imap.Folder, folder.UidValidity, receipt.Uid, receipt.Id,
                receipt.SizeBytes, receipt.Attempts, worker);
            await TakeAsync(folder, claim, cancellationToken);
        }
        return claimed.Count;
    }

    private async Task TakeAsync(IMailFolder folder, MailboxClaim claim, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OperatorOneDb>();
        await db.UseOrganizationAsync(claim.OrganizationId, cancellationToken);
        var uid = new UniqueId((uint)claim.UidValidity, (uint)claim.Uid);
        var trusted = options.TrustedAuthServIds;
        try
        {
            InboundMail? mail;
            string? messageId;
            if (claim.SizeBytes > options.MaxMessageBytes)
            {
                var reason = $"it is {Megabytes(claim.SizeBytes)} and the limit is {Megabytes(options.MaxMessageBytes)}.";
                var headers = await folder.GetHeadersAsync(uid, cancellationToken);
                messageId = headers[MimeKit.HeaderId.MessageId]?.Trim().Trim('<', '>');
                mail = MailReader.ReadRefused(headers, claim.FallbackId, trusted, reason);
            }
            else
            {
                MimeMessage message;
                try
                {
                    message = await folder.GetMessageAsync(uid, cancellationToken);
                }
                catch (FormatException ex)
                {
                    await receipts.FinishAsync(db, claim, EmailReceiptStatus.Refused, "unreadable MIME: " + ex.Message, null, cancellationToken);
                    return;
                }
                messageId = message.MessageId;
                mail = MailReader.Read(message, claim.FallbackId, trusted);
            }
            if (mail is null)
            {
                await receipts.FinishAsync(db, claim, EmailReceiptStatus.Refused, "no single sender address to answer", messageId, cancellationToken);
                return;
            }
            if (mail.Automation == MailAutomation.AutoReply)
            {
                await receipts.FinishAsync(db, claim, EmailReceiptStatus.Skipped, "an auto-reply, bounce, receipt or calendar answer: never answered", mail.MessageId,
                    cancellationToken);
                return;
            }
            var outcome = await scope.ServiceProvider.GetRequiredService<EmailTurns>().RunAsync(mail, claim, cancellationToken);
            // A duplicate (the same Message-ID seen before) commits no turn, so its receipt is closed here; otherwise this changes nothing.
            await receipts.FinishAsync(db, claim, EmailReceiptStatus.Done, outcome, mail.MessageId, cancellationToken);
        }
        catch (MessageNotFoundException)
        {
            await receipts.FinishAsync(db, claim, EmailReceiptStatus.Skipped, "gone from the mailbox before it was read", null, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException && ex is not ImapProtocolException && ex is not IOException)
        {
            logger.LogError(ex, "Mail {Uid} in {Mailbox} failed (attempt {Attempt})", claim.Uid, claim.Address, claim.Attempts);
            await receipts.FailAsync(db, claim, ex.GetType().Name + ": " + ex.Message, cancellationToken);
        }
    }

    private async Task WaitForMailAsync(ImapClient client, IMailFolder folder, CancellationToken stoppingToken)
    {
        var poll = TimeSpan.FromSeconds(options.PollSeconds);
        if (!client.Capabilities.HasFlag(ImapCapabilities.Idle))
        {
            await Task.Delay(poll, stoppingToken);
            await client.NoOpAsync(stoppingToken);
            return;
        }
        // IDLE ends when mail arrives, or after the poll interval so retries and expired claims are looked at again.
        using var done = new CancellationTokenSource(poll);
        void Arrived(object? sender, EventArgs e) => done.Cancel();
        folder.CountChanged += Arrived;
        try
        {
            await client.IdleAsync(done.Token, stoppingToken);
        }
        finally
        {
            folder.CountChanged -= Arrived;
        }
    }

    private async Task ReleaseAsync()
    {
        try
        {
            using var budget = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<OperatorOneDb>();
            await db.UseOrganizationAsync(mailbox.OrganizationId, budget.Token);
            await receipts.ReleaseAsync(db, worker, budget.Token);
        }
        catch (Exception ex) when (ex is ObjectDisposedException or Npgsql.NpgsqlException or OperationCanceledException)
        {
            // The claims' leases expire and another replica takes them.
            logger.LogInformation("Mail claims of {Mailbox} not released ({Reason}); their leases will expire", mailbox.Address, ex.GetType().Name);
        }
    }

    private static string Megabytes(long bytes) => $"{bytes / 1024.0 / 1024.0:0.#} MB";
}
