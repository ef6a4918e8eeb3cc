using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using OperatorOne.Data;

namespace OperatorOne.Channels.WebChat;

/// <summary>
/// Keeps one LISTEN connection per replica on the <c>direct_line</c> channel, which the activity log's insert
/// trigger notifies with the conversation id, so a reply appended by any replica reaches streams open on this one.
/// </summary>
internal sealed class DirectLineListener(IServiceScopeFactory scopes, ConversationSignals signals, ILogger<DirectLineListener> logger) : BackgroundService
{
    public const string NotifyChannel = "direct_line";
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = OpenListenerConnection();
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, e) => signals.Notify(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {NotifyChannel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }
                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // Streams keep polling meanwhile; only cross-replica wake-ups are slower until we reconnect.
                logger.LogWarning(e, "Direct Line LISTEN connection lost; reconnecting in {Delay}.", RetryDelay);
                await Task.Delay(RetryDelay, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    /// <summary>A connection like the store's own (same server, login and password), outside EF and its tenant scope.</summary>
    private NpgsqlConnection OpenListenerConnection()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<OperatorOneDb>();
        var template = (NpgsqlConnection)db.Database.GetDbConnection();
        return template.CloneWith(template.ConnectionString);
    }
}
