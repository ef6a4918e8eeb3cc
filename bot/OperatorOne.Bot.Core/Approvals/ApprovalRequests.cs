using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OperatorOne.Bot.Core.Activities;
using OperatorOne.Bot.Core.Channels;
using OperatorOne.Bot.Core.Notices;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Data;
using OperatorOne.Data.Approvals;
using OperatorOne.Data.Conversations;

namespace OperatorOne.Bot.Core.Approvals;

/// <summary>Turns a risky call into a stored request and sends its card to every eligible approver through the outbox.</summary>
public sealed class ApprovalRequests
{
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
        // Where each approver prefers: their chats, their email, or both.
        var conversations = await NoticeConversations.ForMembersAsync(db, context.OrganizationId, approvers, context.Now, cancellationToken);
        conversations.AddRange(await OpenConversationsAsync(context, approvers, cancellationToken));
        foreach (var conversation in conversations)
        {
            SendCard(context, request, context.Caller.DisplayName, conversation);
        }
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
            ConversationId = conversation.Id,
            CreatedAt = context.Now,
        };
        context.Db.ApprovalCardCopies.Add(copy);
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            Text = $"Approval needed: {request.Summary} (requested by {requesterName}).",
            Attachments = [Attachment.AdaptiveCard(ApprovalCards.Pending(request, requesterName))],
        };
        context.Outbox.Send(context.Db, request.OrganizationId, conversation.Id, activity, copy.Id);
    }

    /// <summary>
    /// Approvers linked on a channel that can start conversations, who have never talked to the bot there, get one
    /// opened for them: an approver who only ever used the web chat still sees the card in Teams.
    /// </summary>
    private static async Task<List<Conversation>> OpenConversationsAsync(ToolContext context, List<Guid> approvers, CancellationToken cancellationToken)
    {
        var opened = new List<Conversation>();
        var db = context.Db;
        foreach (var channel in context.Services.GetServices<IProactiveConversations>())
        {
            var unreached = await db.ChannelIdentities
                .Where(i => i.Channel == channel.Channel && approvers.Contains(i.MemberId))
                .Where(i => !db.Conversations.Any(c => c.Channel == channel.Channel && c.MemberId == i.MemberId))
                .Select(i => new { i.MemberId, i.ExternalId })
                .ToListAsync(cancellationToken);
            foreach (var identity in unreached.DistinctBy(i => i.MemberId))
            {
                if (await channel.OpenAsync(db, context.OrganizationId, identity.MemberId, identity.ExternalId, cancellationToken) is { } conversation)
                {
                    opened.Add(conversation);
                }
            }
        }
        return opened;
    }

    private static async Task<int> NextNumberAsync(OperatorOneDb db, Guid organizationId, CancellationToken cancellationToken) =>
        await db.Database
            .SqlQuery<int>($"UPDATE organizations SET last_approval_number = last_approval_number + 1 WHERE id = {organizationId} RETURNING last_approval_number AS \"Value\"")
            .AsAsyncEnumerable().FirstAsync(cancellationToken);
}
