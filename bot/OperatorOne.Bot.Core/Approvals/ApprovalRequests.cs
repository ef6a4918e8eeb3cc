using Microsoft.EntityFrameworkCore;
using OperatorOne.Bot.Core.Activities;
using OperatorOne.Bot.Core.Channels;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Data;
using OperatorOne.Data.Approvals;
using OperatorOne.Data.Conversations;

namespace OperatorOne.Bot.Core.Approvals;

/// <summary>Turns a risky call into a stored request and sends its card to every eligible approver through the outbox.</summary>
public sealed class ApprovalRequests(IEnumerable<IProactiveConversations> openers)
{
    private readonly string[] _proactiveChannels = openers.Select(o => o.Channel).Distinct().ToArray();

    public async Task<ApprovalRequest> RequestAsync(RegisteredTool tool, ToolCall call, ToolContext context, CancellationToken cancellationToken)
    {
        var db = context.Db;
        var organization = await db.Organizations.SingleAsync(o => o.Id == context.OrganizationId, cancellationToken);
        var number = await NextNumberAsync(db, context.OrganizationId, cancellationToken);
        var summary = tool.Definition.Summarize is null
            ? $"{tool.Definition.Description.TrimEnd('.')} {call.Arguments.ToJsonString()}"
            : await tool.Definition.Summarize(call, context, cancellationToken);
        var request = new ApprovalRequest
        {
            Id = Guid.NewGuid(),
            OrganizationId = context.OrganizationId,
            Number = number,
            Tool = tool.Name,
            Arguments = call.Arguments.ToJsonString(),
            Summary = summary,
            RequestedById = context.Caller.MemberId ?? throw new InvalidOperationException("Guests cannot request risky actions."),
            RequestedInConversationId = context.ConversationId,
            RequiredRole = (tool.Definition.Tier == ToolTier.Admin ? organization.AdminApproverRole : organization.RiskyWriteApproverRole)
                ?? ToolExecutor.ApproverRoleFor(tool.Definition),
            Status = ApprovalStatus.Pending,
            CreatedAt = context.Now,
            ExpiresAt = context.Now + organization.ApprovalExpiry,
        };
        db.ApprovalRequests.Add(request);

        // Roles are stored by name, so their order is compared here, not in SQL (where "Viewer" > "Admin").
        var approvers = (await db.Members
            .Where(m => m.IsActive)
            .Where(m => organization.AllowSelfApproval || m.Id != request.RequestedById)
            .Select(m => new { m.Id, m.Role })
            .ToListAsync(cancellationToken))
            .Where(m => m.Role >= request.RequiredRole)
            .Select(m => m.Id)
            .ToList();
        foreach (var conversation in await ApproverConversationsAsync(db, approvers, cancellationToken))
        {
            SendCard(context, request, context.Caller.DisplayName, conversation);
        }
        await SendToUnreachedAsync(context, request, approvers, cancellationToken);
        return request;
    }

    /// <summary>Queues the pending card to one conversation and remembers the copy so it can be updated later.</summary>
    public static void SendCard(ToolContext context, ApprovalRequest request, string requesterName, Conversation conversation)
    {
        var copy = new ApprovalCardCopy
        {
            Id = Guid.NewGuid(),
            OrganizationId = request.OrganizationId,
            ApprovalRequestId = request.Id,
            Channel = conversation.Channel,
            ConversationId = conversation.Id,
            CreatedAt = context.Now,
        };
        context.Db.ApprovalCardCopies.Add(copy);
        context.Outbox.Send(context.Db, conversation, PendingCard(request, requesterName), copy.Id);
    }

    private static Activity PendingCard(ApprovalRequest request, string requesterName) => new()
    {
        Type = ActivityTypes.Message,
        Text = $"Approval needed: {request.Summary} (requested by {requesterName}).",
        Attachments = [Attachment.AdaptiveCard(ApprovalCards.Pending(request, requesterName))],
    };

    /// <summary>Each approver's most recent reachable conversation per channel: they hear about it where they talk to us.</summary>
    private static async Task<List<Conversation>> ApproverConversationsAsync(OperatorOneDb db, List<Guid> approvers, CancellationToken cancellationToken)
    {
        var conversations = await db.Conversations
            .Where(c => c.MemberId != null && approvers.Contains(c.MemberId.Value) && !c.IsStale)
            .ToListAsync(cancellationToken);
        return conversations
            .GroupBy(c => (c.MemberId, c.Channel))
            .Select(g => g.OrderByDescending(c => c.LastActivityAt).First())
            .ToList();
    }

    /// <summary>
    /// Approvers linked on a channel that can start conversations, who have never talked to the bot there, get the card
    /// there too: an approver who only ever used the web chat still sees it in Teams. The outbox opens the conversation
    /// when it delivers, so no channel is called while this turn's transaction is open.
    /// </summary>
    private async Task SendToUnreachedAsync(ToolContext context, ApprovalRequest request, List<Guid> approvers, CancellationToken cancellationToken)
    {
        var db = context.Db;
        foreach (var channel in _proactiveChannels)
        {
            var unreached = await db.ChannelIdentities
                .Where(i => i.Channel == channel && approvers.Contains(i.MemberId))
                .Where(i => !db.Conversations.Any(c => c.Channel == channel && c.MemberId == i.MemberId))
                .Select(i => i.MemberId)
                .Distinct()
                .ToListAsync(cancellationToken);
            foreach (var memberId in unreached)
            {
                var copy = new ApprovalCardCopy
                {
                    Id = Guid.NewGuid(),
                    OrganizationId = request.OrganizationId,
                    ApprovalRequestId = request.Id,
                    Channel = channel,
                    CreatedAt = context.Now,
                };
                db.ApprovalCardCopies.Add(copy);
                context.Outbox.SendToMember(db, request.OrganizationId, channel, memberId, PendingCard(request, context.Caller.DisplayName), copy.Id);
            }
        }
    }

    private static async Task<int> NextNumberAsync(OperatorOneDb db, Guid organizationId, CancellationToken cancellationToken) =>
        await db.Database
            .SqlQuery<int>($"UPDATE organizations SET last_approval_number = last_approval_number + 1 WHERE id = {organizationId} RETURNING last_approval_number AS \"Value\"")
            .AsAsyncEnumerable().FirstAsync(cancellationToken);
}
