using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OperatorOne.Bot.Core.Audit;
using OperatorOne.Bot.Core.Outbox;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Bot.Core.Work;
using OperatorOne.Data;
using OperatorOne.Data.Audit;

namespace OperatorOne.Bot.Core.Approvals;

/// <summary>
/// Expires overdue requests (a periodic job, one replica at a time). Each expiry is a conditional UPDATE from Pending, so when two replicas
/// scan at once each request is expired, and its cards updated, exactly once.
/// </summary>
internal sealed class ApprovalExpiry(IServiceScopeFactory scopes, TimeProvider clock, WorkSignal signal) : IPeriodicJob
{
    public string Name => "approval-expiry";

    public TimeSpan Interval => TimeSpan.FromSeconds(30);

    public Task RunAsync(IServiceProvider services, CancellationToken cancellationToken) => ExpireAllAsync(cancellationToken);

    internal async Task ExpireAllAsync(CancellationToken cancellationToken)
    {
        List<Guid> organizations;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OperatorOneDb>();
            organizations = await db.Database.SqlQuery<Guid>($"SELECT op_organization_ids AS \"Value\" FROM op_organization_ids()").ToListAsync(cancellationToken);
        }
        foreach (var organizationId in organizations)
        {
            await ExpireAsync(organizationId, cancellationToken);
        }
        signal.Notify(OutboxQueue.QueueName);
    }

    private async Task ExpireAsync(Guid organizationId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OperatorOneDb>();
        await db.UseOrganizationAsync(organizationId, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var expired = await db.Database.SqlQuery<Guid>($"""
            UPDATE approval_requests SET status = 'Expired', outcome = 'Nothing was changed.'
            WHERE status = 'Pending' AND expires_at <= {now} RETURNING id AS "Value"
            """).ToListAsync(cancellationToken);
        if (expired.Count == 0)
        {
            return;
        }
        var context = new ToolContext
        {
            Db = db,
            OrganizationId = organizationId,
            Caller = new Caller(null, "OperatorOne", Data.Members.MemberRole.Owner, "system", "system"),
            Clock = clock,
            Outbox = scope.ServiceProvider.GetRequiredService<OutboxWriter>(),
        };
        foreach (var request in await db.ApprovalRequests.AsNoTracking().Where(a => expired.Contains(a.Id)).ToListAsync(cancellationToken))
        {
            await ApprovalNotices.PublishAsync(request, context, cancellationToken);
            scope.ServiceProvider.GetRequiredService<AuditLog>().Record(context, AuditKinds.ApprovalExpired, "expired", $"approval #{request.Number}", request.Tool);
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
