using System.Net.Sockets;
using Npgsql;

namespace OperatorOne.Bot.Core.Work;

/// <summary>
/// Whether a failure means PostgreSQL is away (stopped, restarting, unreachable) rather than that the request or the
/// code is wrong: such a request is answered 503 with Retry-After, and work that failed so is tried again.
/// </summary>
public static class DatabaseOutage
{
    /// <summary>Seconds a client is told to wait before retrying while the database is away.</summary>
    public const int RetryAfterSeconds = 2;

    public static bool Is(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                // Npgsql marks connection loss, refused connections, shutdown and "starting up" (57P0x, 08xxx) transient.
                case NpgsqlException { IsTransient: true }:
                case SocketException:
                    return true;
                case AggregateException aggregate when aggregate.InnerExceptions.Any(Is):
                    return true;
            }
        }
        return false;
    }
}
