using Microsoft.EntityFrameworkCore;
using OperatorOne.Bot.Core.Activities;
using OperatorOne.Bot.Core.Channels;
using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Bot.Core.Notices;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Bot.Core.Webhooks;
using OperatorOne.Data;
using OperatorOne.Data.Approvals;
using OperatorOne.Data.Conversations;

namespace OperatorOne.Bot.Core.Approvals;

/// <summary>Turns a risky call into a stored request and sends its card to every eligible approver through the outbox.</summary>
public sealed class ApprovalRequests(IEnumerable<IProactiveConversations> openers)
{
    private readonly string[] _proactiveChannels = openers.Select(o => o.Channel).Distinct().ToArray();

    /// <summary>Stores the request for <paramref name="call"/>, described on its card by <paramref name="summary"/>.</summary>
    public async Task<ApprovalRequest> RequestAsync(RegisteredTool tool, ToolCall call, string summary, ToolContext context, CancellationToken cancellationToken)
    {
        var db = context.Db;
        var organization = await db.Organizations.SingleAsync(o => o.Id == context.OrganizationId, cancellationToken);
        var number = await NextNumberAsync(db, context.OrganizationId, cancellationToken);
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
            RequiredRole = RequiredRole(tool, organization),
            Status = ApprovalStatus.Pending,
            CreatedAt = context.Now,
            ExpiresAt = context.Now + organization.ApprovalExpiry,
        };
        db.ApprovalRequests.Add(request);
        await WebhookPublisher.PublishAsync(context, WebhookEvents.ApprovalRequested, ApprovalEvent(request), cancellationToken);

        var eligible = await Approvers.EligibleAsync(db, request.RequiredRole, cancellationToken);
        // The requester is asked only for what nobody else can decide, and only where the organization allows it.
        var others = eligible.Where(id => id != request.RequestedById).ToList();
        var approvers = others.Count == 0 && organization.AllowSelfApproval ? eligible : others;
        // Where each approver prefers: their chats, their email, or both.
        var conversations = await NoticeConversations.ForMembersAsync(db, context.OrganizationId, approvers, context.Now, cancellationToken);
        // Each approver reads the card's times on their own clock.
        var zones = await db.Members.Where(m => approvers.Contains(m.Id))
            .ToDictionaryAsync(m => m.Id, m => NaturalDates.Zone(m.TimeZone ?? organization.TimeZone), cancellationToken);
        foreach (var conversation in conversations)
        {
            var zone = conversation.MemberId is { } member ? zones.GetValueOrDefault(member) : null;
            SendCard(context, request, context.Caller.DisplayName, conversation, zone);
        }
        await SendToUnreachedAsync(context, request, approvers, organization.TimeZone, cancellationToken);
        return request;
    }

    /// <summary>
    /// Who can decide a request for this tool before it is made: someone other than the requester, only the requester
    /// (when the organization allows self-approval), or nobody — then it is refused up front instead of expiring unseen.
    /// </summary>
    public async Task<ApprovalDeciders> DecidersAsync(RegisteredTool tool, ToolContext context, CancellationToken cancellationToken)
    {
        var organization = await context.Db.Organizations.AsNoTracking().SingleAsync(o => o.Id == context.OrganizationId, cancellationToken);
        var required = RequiredRole(tool, organization);
        if (await Approvers.AnyBesidesAsync(context.Db, context.Caller.MemberId, required, cancellationToken))
        {
            return ApprovalDeciders.Others;
        }
        if (organization.AllowSelfApproval && context.Caller.Role >= required)
        {
            return ApprovalDeciders.OnlyRequester;
        }
        var role = required.ToString().ToLowerInvariant();
        return ApprovalDeciders.Nobody(
            $"This needs approval by {(role is "admin" or "owner" ? "an" : "a")} {role} or above, and nobody else in the organization can give it, so I haven't asked. "
            + $"Invite someone who can (\"invite name@example.com as {(role is "admin" or "owner" ? "an" : "a")} {role}\"), or an owner can allow self-approval "
            + "(admin API: PATCH the organization with allowSelfApproval) to confirm such requests yourself.");
    }

    private static Data.Members.MemberRole RequiredRole(RegisteredTool tool, Data.Organizations.Organization organization) =>
        (tool.Definition.Tier == ToolTier.Admin ? organization.AdminApproverRole : organization.RiskyWriteApproverRole)
        ?? ToolExecutor.ApproverRoleFor(tool.Definition);

    /// <summary>What webhook receivers learn of an approval: the request and its state, never its raw arguments.</summary>
    internal static object ApprovalEvent(ApprovalRequest request) => new
    {
        approval = new
        {
            request.Id, request.Number, request.Tool, request.Summary, Status = request.Status.ToString().ToLowerInvariant(),
            RequiredRole = request.RequiredRole.ToString().ToLowerInvariant(), request.RequestedById, request.DecidedById,
            request.CreatedAt, request.DecidedAt, request.Outcome,
        },
    };

    /// <summary>Queues the pending card to one conversation and remembers the copy so it can be updated later.</summary>
    public static void SendCard(ToolContext context, ApprovalRequest request, string requesterName, Conversation conversation, TimeZoneInfo? zone = null)
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
        context.Outbox.Send(context.Db, conversation, PendingCard(request, requesterName, zone), copy.Id);
    }

    private static Activity PendingCard(ApprovalRequest request, string requesterName, TimeZoneInfo? zone = null) => new()
    {
        Type = ActivityTypes.Message,
        Text = $"Approval needed: {ApprovalSummary.ForReader(request.Summary, zone)} (requested by {requesterName}).",
        Attachments = [Attachment.AdaptiveCard(ApprovalCards.Pending(request, requesterName, zone))],
    };

    /// <summary>
    /// Approvers linked on a channel that can start conversations, who have never talked to the bot there, get the card
    /// there too: an approver who only ever used the web chat still sees it in Teams. The outbox opens the conversation
    /// when it delivers, so no channel is called while this turn's transaction is open.
    /// </summary>
    private async Task SendToUnreachedAsync(ToolContext context, ApprovalRequest request, List<Guid> approvers, string organizationZone, CancellationToken cancellationToken)
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
            var zones = await db.Members.Where(m => unreached.Contains(m.Id))
                .ToDictionaryAsync(m => m.Id, m => NaturalDates.Zone(m.TimeZone ?? organizationZone), cancellationToken);
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
                context.Outbox.SendToMember(db, request.OrganizationId, channel, memberId, PendingCard(request, context.Caller.DisplayName, zones.GetValueOrDefault(memberId)), copy.Id);
            }
        }
    }

    /// <summary>The organization's own sequence (op_next_number): no lock on its row held to the commit.</summary>
    private static async Task<int> NextNumberAsync(OperatorOneDb db, Guid organizationId, CancellationToken cancellationToken) =>
        await db.Database
            .SqlQuery<int>($"SELECT op_next_number('approval', {organizationId}) AS \"Value\"")
            .AsAsyncEnumerable().FirstAsync(cancellationToken);
}
