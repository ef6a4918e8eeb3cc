using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using OperatorOne.Bot.Core.Work;
using OperatorOne.Bot.Core.Approvals;
using OperatorOne.Bot.Core.Outbox;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Data;
using OperatorOne.Data.Approvals;

namespace OperatorOne.AdminApi.Approvals;

/// <summary>Approvals: list, filter and decide through the same exactly-once path as a card click.</summary>
internal static class ApprovalEndpoints
{
    /// <summary>The channel a decision made through the admin API is recorded under (MCP calls have <c>McpTools.Channel</c>).</summary>
    public const string Channel = "admin-api";

    public static void MapApprovals(this RouteGroupBuilder organization)
    {
        var approvals = organization.MapGroup("/approvals").WithTags("Approvals");
        approvals.MapGet("", ListAsync).WithSummary("List approval requests, newest first; filter by status, tool and requestedById.");
        approvals.MapGet("/{approvalId:guid}", GetAsync).WithSummary("Read one approval request.");
        approvals.MapPost("/{approvalId:guid}/decision", DecideAsync)
            .WithSummary("Approve or reject as the key's member; the same rules as a card click (role, self-approval, once).")
            .WithMetadata(new AdminAccess(Data.Members.MemberRole.Member));
    }

    internal static async Task<Results<Ok<List<ApprovalDto>>, ValidationProblem>> ListAsync(
        OperatorOneDb db, string? status, string? tool, Guid? requestedById, int? limit, CancellationToken cancellationToken)
    {
        ApprovalStatus? wanted = null;
        if (status is not null)
        {
            if (!Enum.TryParse<ApprovalStatus>(status, ignoreCase: true, out var parsed) || int.TryParse(status, out _))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["status"] = [$"The status must be one of {string.Join(", ", Enum.GetNames<ApprovalStatus>())}."] });
            }
            wanted = parsed;
        }
        if (limit is < 1 or > 500)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["limit"] = ["The limit is 1 to 500."] });
        }
        if (tool is { Length: > 200 })
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["tool"] = ["The tool filter is limited to 200 characters."] });
        }
        var query = db.ApprovalRequests.AsNoTracking();
        if (wanted is { } only)
        {
            query = query.Where(a => a.Status == only);
        }
        if (tool is not null)
        {
            query = query.Where(a => a.Tool == tool);
        }
        if (requestedById is { } requester)
        {
            query = query.Where(a => a.RequestedById == requester);
        }
        return TypedResults.Ok(await query.OrderByDescending(a => a.Number).Take(limit ?? 100)
            .Select(a => ApprovalDto.From(a)).ToListAsync(cancellationToken));
    }

    internal static async Task<Results<Ok<ApprovalDto>, NotFound>> GetAsync(Guid approvalId, OperatorOneDb db, CancellationToken cancellationToken) =>
        await db.ApprovalRequests.AsNoTracking().SingleOrDefaultAsync(a => a.Id == approvalId, cancellationToken) is { } found
            ? TypedResults.Ok(ApprovalDto.From(found))
            : TypedResults.NotFound();

    internal static async Task<Results<Ok<DecisionResult>, NotFound, ValidationProblem, ProblemHttpResult>> DecideAsync(
        Guid organizationId, Guid approvalId, DecisionRequest request, HttpContext http, OperatorOneDb db,
        ApprovalDecisions decisions, OutboxWriter outbox, WorkSignal signal, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (request.Approve is not { } approve)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["approve"] = ["Say true to approve or false to reject."] });
        }
        if (!await db.ApprovalRequests.AnyAsync(a => a.Id == approvalId, cancellationToken))
        {
            return TypedResults.NotFound();
        }
        var caller = http.Features.GetRequiredFeature<AdminCaller>();
        var context = new ToolContext
        {
            Db = db,
            OrganizationId = organizationId,
            Caller = new Caller(caller.MemberId, caller.DisplayName, caller.Role, Channel, caller.Credential),
            Clock = clock,
            Outbox = outbox,
        };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var result = await decisions.DecideAsync(new ApprovalDecision(approvalId, approve), context, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        signal.Notify(OutboxWork.QueueName);
        if (!result.Succeeded)
        {
            return TypedResults.Problem(result.Text, statusCode: StatusCodes.Status409Conflict);
        }
        var after = await db.ApprovalRequests.AsNoTracking().SingleAsync(a => a.Id == approvalId, cancellationToken);
        return TypedResults.Ok(new DecisionResult(result.Text, ApprovalDto.From(after)));
    }
}

internal sealed record DecisionRequest(bool? Approve);

internal sealed record DecisionResult(string Message, ApprovalDto Approval);

internal sealed record ApprovalDto(
    Guid Id, int Number, string Tool, string Summary, ApprovalStatus Status, Guid RequestedById, Data.Members.MemberRole RequiredRole,
    Guid? DecidedById, DateTimeOffset? DecidedAt, string? Outcome, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt)
{
    public static ApprovalDto From(ApprovalRequest a) => new(
        a.Id, a.Number, a.Tool, a.Summary, a.Status, a.RequestedById, a.RequiredRole, a.DecidedById, a.DecidedAt, a.Outcome, a.CreatedAt, a.ExpiresAt);
}
