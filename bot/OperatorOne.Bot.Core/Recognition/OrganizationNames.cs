using Microsoft.EntityFrameworkCore;
using OperatorOne.Data;

namespace OperatorOne.Bot.Core.Recognition;

/// <summary>
/// The organization's names for the recognizer, read per turn in one query (a UNION ALL of members, support queues,
/// teams, companies, contacts, leads and deals): no cache to invalidate across replicas, and a name added a moment ago
/// counts at once.
/// </summary>
internal static class OrganizationNames
{
    /// <summary>Enough for a small business's whole book; past it the newest-first order is not guaranteed, only the cost.</summary>
    private const int Limit = 5000;

    private const int Member = 0, Company = 1, Person = 2, Deal = 3, Queue = 4, Team = 5;

    public static async Task<Gazetteer> LoadAsync(OperatorOneDb db, Guid organizationId, CancellationToken cancellationToken)
    {
        var rows = await db.Members.Where(m => m.OrganizationId == organizationId && m.IsActive).Select(m => new { Kind = Member, Name = m.DisplayName })
            .Concat(db.SupportQueues.Where(q => q.OrganizationId == organizationId).Select(q => new { Kind = Queue, Name = q.Name }))
            .Concat(db.Teams.Where(t => t.OrganizationId == organizationId).Select(t => new { Kind = Team, Name = t.Name }))
            .Concat(db.Companies.Where(c => c.OrganizationId == organizationId).Select(c => new { Kind = Company, Name = c.Name }))
            .Concat(db.Leads.Where(l => l.OrganizationId == organizationId && l.CompanyName != null).Select(l => new { Kind = Company, Name = l.CompanyName! }))
            .Concat(db.Deals.Where(d => d.OrganizationId == organizationId).Select(d => new { Kind = Deal, Name = d.Name }))
            .Concat(db.Contacts.Where(c => c.OrganizationId == organizationId).Select(c => new { Kind = Person, Name = c.FullName }))
            .Concat(db.Leads.Where(l => l.OrganizationId == organizationId).Select(l => new { Kind = Person, Name = l.Name }))
            .Take(Limit)
            .ToListAsync(cancellationToken);
        return new Gazetteer(
            rows.Where(r => r.Kind == Member).Select(r => r.Name),
            rows.Where(r => r.Kind == Company).Select(r => r.Name),
            rows.Where(r => r.Kind == Person).Select(r => r.Name),
            rows.Where(r => r.Kind == Deal).Select(r => r.Name),
            rows.Where(r => r.Kind == Queue).Select(r => r.Name),
            rows.Where(r => r.Kind == Team).Select(r => r.Name));
    }
}
