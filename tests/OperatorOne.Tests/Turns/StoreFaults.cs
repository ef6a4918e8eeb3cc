using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;
using OperatorOne.Data;

namespace OperatorOne.Tests.Turns;

/// <summary>
/// Makes chosen writes of one organization fail once, the way a pool with no connection left (or a database going away)
/// makes them fail: a transient <see cref="NpgsqlException"/>. A fault names the organization and either the commit of a
/// transaction or a command by the text it contains; it fires on the first match only and says whether it did, so a test
/// knows its scenario really happened. Inert until a test arms one.
/// </summary>
internal sealed class StoreFaults : IDbCommandInterceptor, IDbTransactionInterceptor
{
    public const string Message = "Injected: no pooled connection was free";

    private readonly ConcurrentQueue<StoreFault> _armed = new();

    /// <summary>The next commit of a transaction in the organization fails (nothing of it is written).</summary>
    public StoreFault FailCommit(Guid organizationId) => Arm(new StoreFault(organizationId, null));

    /// <summary>The next command in the organization whose text contains <paramref name="text"/> fails before it runs.</summary>
    public StoreFault FailCommand(Guid organizationId, string text) => Arm(new StoreFault(organizationId, text));

    private StoreFault Arm(StoreFault fault)
    {
        _armed.Enqueue(fault);
        return fault;
    }

    public ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result,
        CancellationToken cancellationToken = default)
    {
        Trip(eventData.Context, null);
        return ValueTask.FromResult(result);
    }

    public ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Trip(eventData.Context, command.CommandText);
        return ValueTask.FromResult(result);
    }

    public ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Trip(eventData.Context, command.CommandText);
        return ValueTask.FromResult(result);
    }

    private void Trip(DbContext? context, string? commandText)
    {
        if (context is not OperatorOneDb { Scope.OrganizationId: { } organizationId })
        {
            return;
        }
        if (_armed.Any(fault => fault.TryFire(organizationId, commandText)))
        {
            throw new NpgsqlException(Message, new TimeoutException(Message));
        }
    }
}

/// <summary>One armed failure; <see cref="Fired"/> once it has failed its write.</summary>
internal sealed class StoreFault(Guid organizationId, string? commandText)
{
    private int _fired;

    public bool Fired => Volatile.Read(ref _fired) == 1;

    public bool TryFire(Guid organization, string? text) =>
        organization == organizationId
        && (commandText is null ? text is null : text?.Contains(commandText, StringComparison.OrdinalIgnoreCase) == true)
        && Interlocked.Exchange(ref _fired, 1) == 0;
}
