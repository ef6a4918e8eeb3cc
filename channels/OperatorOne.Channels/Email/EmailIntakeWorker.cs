using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace OperatorOne.Channels.Email;

/// <summary>
/// Runs in every replica when Email:Imap:Host is set: keeps one <see cref="MailboxReader"/> per support mailbox (email
/// installations, read again every Email:MailboxScanSeconds), starting readers for new mailboxes and stopping removed ones.
/// </summary>
internal sealed class EmailIntakeWorker(EmailMailboxes mailboxes, EmailReceipts receipts, IServiceScopeFactory scopes, IOptions<EmailOptions> options,
    ILoggerFactory loggers) : BackgroundService
{
    private readonly string _worker = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";
    private readonly ILogger _logger = loggers.CreateLogger<EmailIntakeWorker>();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.ReadsMail)
        {
            return;
        }
        var readers = new Dictionary<Mailbox, (Task Run, CancellationTokenSource Stop)>();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    var current = (await mailboxes.ListAsync(stoppingToken)).ToHashSet();
                    foreach (var gone in readers.Keys.Where(m => !current.Contains(m)).ToList())
                    {
                        await readers[gone].Stop.CancelAsync();
                        readers.Remove(gone);
                    }
                    foreach (var mailbox in current.Where(m => !readers.ContainsKey(m)))
                    {
                        var stop = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                        var reader = new MailboxReader(mailbox, _worker, settings, mailboxes, receipts, scopes, loggers.CreateLogger<MailboxReader>());
                        readers[mailbox] = (Task.Run(() => reader.RunAsync(stop.Token), CancellationToken.None), stop);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    _logger.LogWarning(ex, "Listing the support mailboxes failed; retrying");
                }
                await Task.Delay(TimeSpan.FromSeconds(settings.MailboxScanSeconds), stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the readers see the same token.
        }
        finally
        {
            await Task.WhenAll(readers.Values.Select(r => r.Run));
            foreach (var reader in readers.Values)
            {
                reader.Stop.Dispose();
            }
        }
    }
}
