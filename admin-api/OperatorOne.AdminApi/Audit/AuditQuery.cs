using Microsoft.EntityFrameworkCore;
using OperatorOne.Data;
using OperatorOne.Data.Audit;

namespace OperatorOne.AdminApi.Audit;

/// <summary>Audit filters from the query string, checked before they reach the store.</summary>
internal sealed record AuditQuery(Guid? MemberId, string? Tool, string? Kind, DateTimeOffset? From, DateTimeOffset? To, long? After, int? Limit)
{
    public const int MaxLimit = 1000;

    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (Limit is < 1 or > MaxLimit)
        {
            errors["limit"] = [$"The limit is 1 to {MaxLimit}."];
        }
        if (From is not null && To is not null && From > To)
        {
            errors["from"] = ["'from' must not be after 'to'."];
        }
        if (After is < 0)
        {
            errors["after"] = ["The cursor is an event id from a previous page."];
        }
        if (Tool is { Length: > 200 } || Kind is { Length: > 200 })
        {
            errors["tool"] = ["Filters are limited to 200 characters."];
        }
        return errors;
    }

    /// <summary>Oldest first by id, so a cursor (the last id seen) pages without gaps or repeats.</summary>
    public IQueryable<AuditEvent> Apply(OperatorOneDb db)
    {
        var query = db.AuditEvents.AsNoTracking().Where(e => e.Id > (After ?? 0));
        if (MemberId is { } member)
        {
            query = query.Where(e => e.MemberId == member);
        }
        if (Tool is not null)
        {
            query = query.Where(e => e.Tool == Tool);
        }
        if (Kind is not null)
        {
            query = query.Where(e => e.Kind == Kind);
        }
        if (From is { } from)
        {
            query = query.Where(e => e.CreatedAt >= from);
        }
        if (To is { } to)
        {
            query = query.Where(e => e.CreatedAt < to);
        }
        return query.OrderBy(e => e.Id);
    }
}
