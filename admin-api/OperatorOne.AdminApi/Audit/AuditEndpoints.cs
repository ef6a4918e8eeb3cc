using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using OperatorOne.Data;
using OperatorOne.Data.Audit;

namespace OperatorOne.AdminApi.Audit;

/// <summary>The audit log: filtered, paged by cursor, exported as CSV.</summary>
internal static class AuditEndpoints
{
    public static void MapAudit(this RouteGroupBuilder organization)
    {
        var audit = organization.MapGroup("/audit").WithTags("Audit log");
        audit.MapGet("", ListAsync)
            .WithSummary("Audit events oldest first; filter by memberId, tool, kind, from/to; page with after=<nextCursor>.");
        audit.MapGet("/export", ExportAsync).WithSummary("The same filters as CSV (text/csv), up to 100,000 rows.")
            .Produces<string>(StatusCodes.Status200OK, "text/csv");
    }

    internal static async Task<Results<Ok<AuditPage>, ValidationProblem>> ListAsync(
        [AsParameters] AuditQuery query, OperatorOneDb db, CancellationToken cancellationToken)
    {
        var errors = query.Validate();
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var limit = query.Limit ?? 100;
        var rows = await query.Apply(db).Take(limit + 1).ToListAsync(cancellationToken);
        var page = rows.Take(limit).Select(AuditEventDto.From).ToList();
        return TypedResults.Ok(new AuditPage(page, rows.Count > limit ? page[^1].Id : null));
    }

    internal static async Task<Results<FileContentHttpResult, ValidationProblem>> ExportAsync(
        [AsParameters] AuditQuery query, OperatorOneDb db, CancellationToken cancellationToken)
    {
        var errors = (query with { Limit = null }).Validate();
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var csv = new StringBuilder("id,created_at,member_id,conversation_id,kind,tool,outcome,duration_ms,arguments,detail\n");
        await foreach (var e in query.Apply(db).Take(100_000).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            csv.Append(e.Id.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(e.CreatedAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)).Append(',')
                .Append(e.MemberId).Append(',').Append(e.ConversationId).Append(',')
                .Append(Field(e.Kind)).Append(',').Append(Field(e.Tool)).Append(',').Append(Field(e.Outcome)).Append(',')
                .Append(e.DurationMs.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(Field(e.Arguments)).Append(',').Append(Field(e.Detail)).Append('\n');
        }
        return TypedResults.File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv", "audit.csv");
    }

    /// <summary>RFC 4180 quoting; a leading =, +, - or @ is prefixed so a spreadsheet never runs it as a formula.</summary>
    internal static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }
        if (value[0] is '=' or '+' or '-' or '@')
        {
            value = "'" + value;
        }
        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}

internal sealed record AuditPage(List<AuditEventDto> Items, long? NextCursor);

internal sealed record AuditEventDto(
    long Id, DateTimeOffset CreatedAt, Guid? MemberId, Guid? ConversationId, string Kind, string? Tool, string Outcome,
    string? Arguments, string? Detail, int DurationMs)
{
    public static AuditEventDto From(AuditEvent e) =>
        new(e.Id, e.CreatedAt, e.MemberId, e.ConversationId, e.Kind, e.Tool, e.Outcome, e.Arguments, e.Detail, e.DurationMs);
}
