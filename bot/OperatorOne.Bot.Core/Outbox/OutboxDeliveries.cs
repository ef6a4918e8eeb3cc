using Microsoft.Extensions.DependencyInjection;
using OperatorOne.Bot.Core.Turns;
using OperatorOne.Bot.Core.Work;

namespace OperatorOne.Bot.Core.Outbox;

/// <summary>
/// A turn's own replies on a push channel, which its transaction wrote already claimed by this replica: delivered at
/// once, each in its own unit of work, the way the outbox would. If this replica dies first, the claim dies with it and
/// another replica's outbox sends them.
/// </summary>
public sealed class OutboxDeliveries(IServiceScopeFactory scopes, ReplicaId replica)
{
    public async Task DeliverNowAsync(TurnResult result, CancellationToken cancellationToken)
    {
        if (result.OrganizationId is not { } organizationId)
        {
            return;
        }
        foreach (var id in result.Deliveries)
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<OutboxDelivery>().DeliverAsync(id, organizationId, replica.Value, cancellationToken);
        }
    }
}
