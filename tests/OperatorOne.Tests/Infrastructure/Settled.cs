using Microsoft.EntityFrameworkCore;
using OperatorOne.Data.Outbox;

namespace OperatorOne.Tests.Infrastructure;

/// <summary>
/// "Nothing more will happen" as an event, not a pause: every turn of the organization has finished and every message
/// it queued has been sent or given up. A duplicate the bot let through would have queued a second message by then,
/// so a count taken afterwards is final.
/// </summary>
internal static class Settled
{
    public static async Task SettledAsync(this BotHost host, Guid organizationId)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (await host.InOrganizationAsync(organizationId, async db =>
                   await db.OutboxMessages.AnyAsync(m => m.Status == OutboxStatus.Pending)
                   || await db.AcceptedTurns.AnyAsync(t => t.FinishedAt == null)))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new Xunit.Sdk.XunitException($"Organization {organizationId} still had unsent messages or unfinished turns after 30 s.");
            }
            await Task.Delay(50);
        }
    }
}
