using Microsoft.EntityFrameworkCore;
using OperatorOne.Bot.Core.Activities;
using OperatorOne.Bot.Core.Approvals;
using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Data.Approvals;

namespace OperatorOne.Bot.Core.Turns;

/// <summary>Step 7 of the turn: a card decision goes to approvals, a conversation start gets a welcome, files go to the intake, text goes to the recognizer.</summary>
public sealed class TurnRouter(ApprovalDecisions decisions, IRecognizer recognizer, BuiltInRecognizer builtIn, IEnumerable<IFileIntake> intakes)
{
    public async Task<IReadOnlyList<Reply>> RouteAsync(InboundTurn turn, ToolContext context, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        if (activity.Type == ActivityTypes.ConversationUpdate)
        {
            return await WelcomeAsync(activity, context, cancellationToken);
        }
        if (activity.Type is not (ActivityTypes.Message or ActivityTypes.Invoke))
        {
            return [];
        }
        if (ApprovalDecision.TryRead(activity.Value) is { } decision)
        {
            var result = await decisions.DecideAsync(decision, context, cancellationToken);
            return [new Reply(result.Text) { Card = result.Card }];
        }
        if (ToolChoice.TryRead(activity.Value) is { } choice)
        {
            // A "did you mean" button: only the built-in recognizer offers them, and it runs the chosen tool.
            return await builtIn.ChooseAsync(choice, context, cancellationToken);
        }
        var text = activity.Text?.Trim();
        if (turn.Files.Count > 0)
        {
            return intakes.FirstOrDefault() is { } intake
                ? await intake.TakeAsync(turn.Files, string.IsNullOrEmpty(text) ? null : text, context, cancellationToken)
                : [new Reply("I can't take files here.")];
        }
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }
        return await recognizer.RespondAsync(text, context, cancellationToken);
    }

    private static async Task<IReadOnlyList<Reply>> WelcomeAsync(Activity activity, ToolContext context, CancellationToken cancellationToken)
    {
        var userJoined = activity.MembersAdded?.Any(m => m.Id != activity.Recipient?.Id) ?? false;
        if (!userJoined)
        {
            return [];
        }
        var caller = context.Caller;
        var greeting = caller.IsGuest
            ? "Hi! I'm OperatorOne. I can open a support ticket for you or tell you its status. Type 'help' to see how."
            : $"Hi {caller.DisplayName.Split(' ')[0]}! I'm OperatorOne. Type 'help' to see what I can do for you.";
        var pending = await SendPendingApprovalsAsync(context, cancellationToken);
        return pending == 0 ? [new Reply(greeting)]
            : [new Reply($"{greeting} You have {pending} approval request{(pending == 1 ? "" : "s")} waiting for you.")];
    }

    /// <summary>An approver who opens a new conversation sees the requests still waiting for them.</summary>
    private static async Task<int> SendPendingApprovalsAsync(ToolContext context, CancellationToken cancellationToken)
    {
        if (context.Caller.MemberId is not { } memberId || context.ConversationId is not { } conversationId)
        {
            return 0;
        }
        var db = context.Db;
        var selfApproval = await db.Organizations.Where(o => o.Id == context.OrganizationId).Select(o => o.AllowSelfApproval).SingleAsync(cancellationToken);
        var now = context.Now;
        var pending = await db.ApprovalRequests
            .Where(a => a.Status == ApprovalStatus.Pending && a.ExpiresAt > now)
            .Where(a => selfApproval || a.RequestedById != memberId)
            .Where(a => !db.ApprovalCardCopies.Any(c => c.ApprovalRequestId == a.Id && c.ConversationId == conversationId))
            .Join(db.Members, a => a.RequestedById, m => m.Id, (a, m) => new { Request = a, Requester = m.DisplayName })
            .OrderBy(x => x.Request.Number)
            .ToListAsync(cancellationToken);
        // Roles are stored by name: their order is compared here, not in SQL.
        pending = pending.Where(x => x.Request.RequiredRole <= context.Caller.Role).ToList();
        var conversation = db.Conversations.Local.Single(c => c.Id == conversationId);
        foreach (var item in pending)
        {
            ApprovalRequests.SendCard(context, item.Request, item.Requester, conversation, NaturalDates.Zone(context.Caller.TimeZone));
        }
        return pending.Count;
    }
}
