using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using OperatorOne.Data;
using OperatorOne.Data.Tickets;

namespace OperatorOne.Skills.ServiceDesk;

/// <summary>What opening a ticket needs of an organization's service desk: triage's keywords, business time and the SLA targets.</summary>
internal sealed record DeskSettings(
    IReadOnlyList<CategoryKeywords> Categories,
    IReadOnlyList<PriorityKeyword> Rules,
    BusinessClock Clock,
    IReadOnlyDictionary<TicketPriority, (TimeSpan FirstResponse, TimeSpan Resolution)> Policies)
{
    public (TimeSpan FirstResponse, TimeSpan Resolution) Targets(TicketPriority priority) =>
        Policies.TryGetValue(priority, out var targets) ? targets : SlaDefaults.For(priority);
}

/// <summary>
/// Each organization's <see cref="DeskSettings"/>, read again only when their version changes: the ids and row versions
/// (xmin) of its categories, priority rules, business hours, holidays and SLA policies, read in one statement by every
/// turn that opens a ticket. Any change on any replica (or in the database itself) alters it, so the very next ticket
/// is triaged and timed by what is committed; the cache saves the five reads, not the check. Settings read after the
/// version may be newer than it (a change committed in between): they are then read again on the next turn, never
/// used for a version they do not belong to. Settings this turn's own transaction changed carry its own xmin, a version
/// no other turn sees, so a rolled-back change is never served.
/// </summary>
internal sealed class DeskSettingsCache
{
    private readonly ConcurrentDictionary<Guid, (string Version, DeskSettings Settings)> _read = new();

    public async Task<DeskSettings> ForAsync(OperatorOneDb db, Guid organizationId, CancellationToken cancellationToken)
    {
        var version = await VersionAsync(db, cancellationToken);
        if (_read.TryGetValue(organizationId, out var read) && read.Version == version)
        {
            return read.Settings;
        }
        var settings = await ReadAsync(db, cancellationToken);
        _read[organizationId] = (version, settings);
        return settings;
    }

    // Row-level security keeps it to the organization entered; md5 keeps a long list of holidays a short key.
    private static Task<string> VersionAsync(OperatorOneDb db, CancellationToken cancellationToken) =>
        db.Database.SqlQuery<string>($"""
            SELECT md5(concat_ws('/',
                   (SELECT coalesce(string_agg(id::text || ':' || xmin::text, ',' ORDER BY id), '') FROM ticket_categories),
                   (SELECT coalesce(string_agg(id::text || ':' || xmin::text, ',' ORDER BY id), '') FROM priority_rules),
                   (SELECT coalesce(string_agg(organization_id::text || ':' || xmin::text, ','), '') FROM business_hours),
                   (SELECT coalesce(string_agg(id::text || ':' || xmin::text, ',' ORDER BY id), '') FROM holidays),
                   (SELECT coalesce(string_agg(id::text || ':' || xmin::text, ',' ORDER BY id), '') FROM sla_policies))) AS "Value"
            """).SingleAsync(cancellationToken);

    private static async Task<DeskSettings> ReadAsync(OperatorOneDb db, CancellationToken cancellationToken)
    {
        var categories = await db.TicketCategories.AsNoTracking()
            .Select(c => new CategoryKeywords(c.Name, c.QueueId, c.Keywords))
            .ToListAsync(cancellationToken);
        var rules = await db.PriorityRules.AsNoTracking()
            .Select(r => new PriorityKeyword(r.Keyword, r.Priority))
            .ToListAsync(cancellationToken);
        var clock = await ServiceLevels.ClockAsync(db, cancellationToken);
        var policies = await db.SlaPolicies.AsNoTracking().ToListAsync(cancellationToken);
        return new DeskSettings(categories, rules, clock,
            policies.GroupBy(p => p.Priority).ToDictionary(g => g.Key, g => (g.First().FirstResponse, g.First().Resolution)));
    }
}
