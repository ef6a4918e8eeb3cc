using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using OperatorOne.Bot.Core.Audit;
using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Bot.Core.Webhooks;
using OperatorOne.Data.Approvals;
using OperatorOne.Data.Audit;

namespace OperatorOne.Bot.Core.Approvals;

/// <summary>
/// Applies a decision exactly once: one conditional UPDATE from Pending, so of many concurrent clicks exactly one
/// wins; the winner runs the tool in the same transaction, then every card copy is updated and the requester told.
/// </summary>
public sealed class ApprovalDecisions(ToolExecutor executor, AuditLog audit)
{
    public async Task<ToolResult> DecideAsync(ApprovalDecision decision, ToolContext context, CancellationToken cancellationToken)
    {
        var db = context.Db;
        var request = await db.ApprovalRequests.AsNoTracking().SingleOrDefaultAsync(a => a.Id == decision.ApprovalId, cancellationToken);
        if (request is null)
        {
            return ToolResult.Refused("I can't find that approval request.");
        }
        var refusal = await CheckApproverAsync(request, context, cancellationToken);
        if (refusal is not null)
        {
            audit.Record(context, AuditKinds.ApprovalRefused, "denied", refusal, request.Tool);
            return ToolResult.Refused(refusal);
        }

        var now = context.Now;
        var newStatus = decision.Approve ? ApprovalStatus.Approved : ApprovalStatus.Rejected;
        var won = await db.ApprovalRequests
            .Where(a => a.Id == request.Id && a.Status == ApprovalStatus.Pending && a.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s
                .SetProperty(a => a.Status, newStatus)
                .SetProperty(a => a.DecidedById, context.Caller.MemberId)
                .SetProperty(a => a.DecidedAt, now), cancellationToken);
        if (won == 0)
        {
            return await AlreadyDecidedAsync(request.Id, context, cancellationToken);
        }

        request.Status = newStatus;
        request.DecidedById = context.Caller.MemberId;
        request.DecidedAt = now;
        if (decision.Approve)
        {
            await RunApprovedAsync(request, context, cancellationToken);
        }
        else
        {
            request.Outcome = "Nothing was changed.";
        }
        await db.ApprovalRequests.Where(a => a.Id == request.Id).ExecuteUpdateAsync(s => s
            .SetProperty(a => a.Status, request.Status)
            .SetProperty(a => a.Outcome, request.Outcome), cancellationToken);
        audit.Record(context, AuditKinds.ApprovalDecided, request.Status.ToString().ToLowerInvariant(), $"approval #{request.Number}", request.Tool);
        if (context.Caller.MemberId == request.RequestedById)
        {
            audit.Record(context, AuditKinds.SelfApproval, request.Status.ToString().ToLowerInvariant(), $"approval #{request.Number}", request.Tool);
        }
        await ApprovalNotices.PublishAsync(request, context, cancellationToken);
        await WebhookPublisher.PublishAsync(context, WebhookEvents.ApprovalDecided, ApprovalRequests.ApprovalEvent(request), cancellationToken);

        var verdict = decision.Approve ? "Approved" : "Rejected";
        return new ToolResult($"{verdict} #{request.Number}: {ApprovalSummary.ForReader(request.Summary, NaturalDates.Zone(context.Caller.TimeZone))}. {request.Outcome}".Trim());
    }

    private async Task RunApprovedAsync(ApprovalRequest request, ToolContext context, CancellationToken cancellationToken)
    {
        var requester = await context.Db.Members.AsNoTracking().SingleAsync(m => m.Id == request.RequestedById, cancellationToken);
        var asRequester = context with
        {
            Caller = new Caller(requester.Id, requester.DisplayName, requester.Role, context.Caller.Channel, context.Caller.ChannelUserId),
            ConversationId = request.RequestedInConversationId,
            ApprovedBy = context.Caller,
        };
        var arguments = JsonNode.Parse(request.Arguments) as JsonObject ?? [];
        var outcome = await executor.ExecuteAsync(new ToolCall(request.Tool, arguments), asRequester, cancellationToken);
        request.Status = outcome.Kind == ToolOutcomeKind.Ran ? ApprovalStatus.Executed : ApprovalStatus.Failed;
        request.Outcome = outcome.Result.Text;
    }

    private static async Task<string?> CheckApproverAsync(ApprovalRequest request, ToolContext context, CancellationToken cancellationToken)
    {
        var caller = context.Caller;
        if (caller.IsGuest || caller.Role < request.RequiredRole)
        {
            return $"Only a {request.RequiredRole.ToString().ToLowerInvariant()} or above can decide approval #{request.Number}.";
        }
        if (caller.MemberId == request.RequestedById)
        {
            var allowed = await context.Db.Organizations.Where(o => o.Id == context.OrganizationId)
                .Select(o => o.AllowSelfApproval).SingleAsync(cancellationToken);
            // Self-approval is for what nobody else can decide: while another approver is there, they decide.
            if (!allowed || await Approvers.AnyBesidesAsync(context.Db, caller.MemberId, request.RequiredRole, cancellationToken))
            {
                return $"You asked for approval #{request.Number} yourself; another approver has to decide it.";
            }
        }
        return null;
    }

    private static async Task<ToolResult> AlreadyDecidedAsync(Guid id, ToolContext context, CancellationToken cancellationToken)
    {
        var current = await context.Db.ApprovalRequests.AsNoTracking().SingleAsync(a => a.Id == id, cancellationToken);
        if (current.Status == ApprovalStatus.Pending)
        {
            return ToolResult.Refused($"Approval #{current.Number} has expired.");
        }
        var decider = current.DecidedById is null ? null
            : await context.Db.Members.AsNoTracking().Where(m => m.Id == current.DecidedById).Select(m => m.DisplayName).SingleOrDefaultAsync(cancellationToken);
        // On the caller's clock, as every other time they are shown.
        var when = current.DecidedAt is { } decidedAt ? ApprovalCards.Format(decidedAt, NaturalDates.Zone(context.Caller.TimeZone)) : null;
        return ToolResult.Refused(decider is null
            ? $"Approval #{current.Number} is already {ApprovalCards.StatusWord(current.Status).ToLowerInvariant()}."
            : $"Approval #{current.Number} was already {ApprovalCards.StatusWord(current.Status).ToLowerInvariant()} by {decider} at {when}.");
    }
}
