using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OperatorOne.Bot.Core.Approvals;
using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Bot.Core.Tenancy;
using OperatorOne.Bot.Core.Turns;
using OperatorOne.Data;
using OperatorOne.Data.Approvals;
using OperatorOne.Data.Channels;

namespace OperatorOne.Channels.Teams;

/// <summary>
/// adaptiveCard/action invokes, answered in the HTTP response: a click on Approve/Reject, or a card's automatic
/// refresh asking how the request stands now.
/// </summary>
internal sealed class TeamsInvokes(TurnLoop turns, OperatorOneDb db, IOptions<TeamsOptions> options)
{

    public async Task<TeamsInvokeResponse> HandleAsync(InboundTurn turn, string? verb, CancellationToken cancellationToken) =>
        verb == TeamsCards.RefreshVerb
            ? await RefreshAsync(turn, cancellationToken)
            : await DecideAsync(turn, cancellationToken);

    /// <summary>
    /// A click on Approve/Reject. The decision runs as a turn (once, however often Teams retries); the clicker gets the
    /// card as it now stands, while the outbox updates every other copy in place.
    /// </summary>
    private async Task<TeamsInvokeResponse> DecideAsync(InboundTurn turn, CancellationToken cancellationToken)
    {
        if (ApprovalDecision.TryRead(turn.Activity.Value) is not { } decision)
        {
            return TeamsInvokeResponse.Error(400, "BadRequest", "This card action is not an approval decision.");
        }
        var outcome = await turns.ProcessAsync(turn with { AnswerInResponse = true }, options.Value.TurnBudget, cancellationToken);
        if (outcome is not TurnOutcome.Completed { Result: var result })
        {
            // Still running: the outcome reaches the conversation (and every card copy) through the outbox.
            return TeamsInvokeResponse.Message("Your decision was received.");
        }
        if (result.Status == TurnStatus.UnknownInstallation)
        {
            return TeamsInvokeResponse.Message(TeamsBot.NotConnected);
        }
        if (await CurrentCardAsync(turn, decision.ApprovalId, cancellationToken) is { Decided: true } card)
        {
            return TeamsInvokeResponse.Card(card.Card);
        }
        var text = result.Replies.Count > 0 ? result.Replies[0].Text : null;
        return TeamsInvokeResponse.Message(string.IsNullOrEmpty(text) ? "Your decision was received." : text);
    }

    /// <summary>
    /// Teams fires this when a listed approver's client shows the card: answer with the card as it stands for them,
    /// live buttons while pending, the outcome once decided. Read-only, so it is not a turn.
    /// </summary>
    private async Task<TeamsInvokeResponse> RefreshAsync(InboundTurn turn, CancellationToken cancellationToken)
    {
        if (TeamsCards.RefreshedApproval(turn.Activity.Value) is not { } approvalId)
        {
            return TeamsInvokeResponse.Error(400, "BadRequest", "A refresh needs the approval id.");
        }
        return await CurrentCardAsync(turn, approvalId, cancellationToken) is { } card
            ? TeamsInvokeResponse.Card(card.Card)
            : TeamsInvokeResponse.Error(404, "NotFound", "This approval request no longer exists.");
    }

    /// <summary>The approval card as it stands, for a member of the tenant's organization; null for anyone else.</summary>
    private async Task<(JsonObject Card, bool Decided)?> CurrentCardAsync(InboundTurn turn, Guid approvalId, CancellationToken cancellationToken)
    {
        if (await Installations.FindOrganizationAsync(db, ChannelNames.Teams, turn.InstallationId, cancellationToken) is not { } organizationId)
        {
            return null;
        }
        await db.UseOrganizationAsync(organizationId, cancellationToken);
        var caller = await Identities.ResolveAsync(db, ChannelNames.Teams, turn.ChannelUserId, turn.UserName, cancellationToken);
        var request = await db.ApprovalRequests.AsNoTracking().SingleOrDefaultAsync(a => a.Id == approvalId, cancellationToken);
        if (caller.IsGuest || request is null)
        {
            return null;
        }
        var names = await db.Members.AsNoTracking()
            .Where(m => m.Id == request.RequestedById || m.Id == request.DecidedById)
            .ToDictionaryAsync(m => m.Id, m => m.DisplayName, cancellationToken);
        var requester = names.GetValueOrDefault(request.RequestedById, "someone");
        if (request.Status == ApprovalStatus.Pending)
        {
            return (TeamsCards.Render(ApprovalCards.Pending(request, requester, NaturalDates.Zone(caller.TimeZone)), [turn.Activity.From!.Id]), false);
        }
        var decider = request.DecidedById is { } id ? names.GetValueOrDefault(id, "an approver") : "nobody (it expired)";
        return (TeamsCards.Render(ApprovalCards.Decided(request, requester, decider, NaturalDates.Zone(caller.TimeZone))), true);
    }
}
