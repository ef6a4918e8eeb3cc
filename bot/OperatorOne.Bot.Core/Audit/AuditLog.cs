using OperatorOne.Bot.Core.Tools;
using OperatorOne.Data.Audit;

namespace OperatorOne.Bot.Core.Audit;

/// <summary>Writes audit events into the current unit of work, so an event commits (or not) with what it describes.</summary>
public sealed class AuditLog
{
    public Task ToolCallAsync(ToolContext context, ToolCall call, string outcome, string? detail, int durationMs, CancellationToken cancellationToken)
    {
        context.Db.AuditEvents.Add(new AuditEvent
        {
            OrganizationId = context.OrganizationId,
            MemberId = context.Caller.MemberId,
            ConversationId = context.ConversationId,
            Kind = context.ApprovedBy is null ? AuditKinds.ToolCall : AuditKinds.ApprovedToolCall,
            Tool = call.Tool,
            Arguments = call.Arguments.ToJsonString(),
            Outcome = outcome,
            Detail = detail is null ? null : System.Text.Json.JsonSerializer.Serialize(new { detail, approvedBy = context.ApprovedBy?.MemberId }),
            DurationMs = durationMs,
            CreatedAt = context.Now,
        });
        return Task.CompletedTask;
    }

    public void Record(ToolContext context, string kind, string outcome, string? detail = null, string? tool = null) =>
        context.Db.AuditEvents.Add(new AuditEvent
        {
            OrganizationId = context.OrganizationId,
            MemberId = context.Caller.MemberId,
            ConversationId = context.ConversationId,
            Kind = kind,
            Tool = tool,
            Outcome = outcome,
            Detail = detail is null ? null : System.Text.Json.JsonSerializer.Serialize(new { detail }),
            CreatedAt = context.Now,
        });
}
