using OperatorOne.Bot.Core.Security;
using OperatorOne.Data;
using OperatorOne.Data.Channels;
using OperatorOne.Data.Organizations;
using OperatorOne.Skills.Tickets;

namespace OperatorOne.Bot.Hosting.Demo;

/// <summary>
/// Everything the demo organization starts with, so every example in README.md and in "help" works on a fresh
/// ./run.sh: members, tickets, CRM, calendar, documents, a pending approval and integrations. Each area is its own file.
/// </summary>
internal static class DemoContent
{
    public static async Task SeedAsync(OperatorOneDb db, DemoTenant tenant, SecretBox secrets, ITicketLifecycle lifecycle, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        await db.UseOrganizationAsync(tenant.OrganizationId, cancellationToken);
        db.Organizations.Add(new Organization
        {
            Id = tenant.OrganizationId,
            Name = "Demo Company",
            BusinessContext = "Demo Company is a 40-person office supplies distributor with a small IT team and a sales desk.",
            LastTicketNumber = DemoTickets.Count,
            LastEventNumber = DemoCalendar.Count,
            LastApprovalNumber = 1,
            CreatedAt = now,
        });
        db.ChannelInstallations.Add(new ChannelInstallation
        {
            Id = Guid.NewGuid(),
            OrganizationId = tenant.OrganizationId,
            Channel = ChannelNames.WebChat,
            ExternalId = tenant.SiteId,
            DisplayName = "Demo web chat",
            SecretHash = tenant.SiteSecretHash,
            CreatedAt = now,
            VerifiedAt = now,
            Proof = InstallationProofs.WebChatSite,
        });
        var people = DemoMembers.Add(db, tenant, now);
        await db.SaveChangesAsync(cancellationToken);
        await DemoTickets.AddAsync(db, tenant, people, lifecycle, now, cancellationToken);
        DemoCrm.Add(db, tenant, people, now);
        DemoCalendar.Add(db, tenant, people, now);
        DemoApprovals.Add(db, tenant, people, now);
        await db.SaveChangesAsync(cancellationToken);
        await DemoDocuments.AddAsync(db, tenant, people, now, cancellationToken);
        await DemoIntegrations.AddAsync(db, tenant, people, secrets, now, cancellationToken);
    }
}
