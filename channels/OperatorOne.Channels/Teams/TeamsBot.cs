using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OperatorOne.Bot.Core.Activities;
using OperatorOne.Bot.Core.Turns;

namespace OperatorOne.Channels.Teams;

/// <summary>
/// One verified Teams activity, routed by type: messages and lifecycle events become turns, card clicks and refreshes
/// are answered in the response. A turn that outlasts the budget is acknowledged at once and answered through the
/// outbox, because Teams gives up (and resends) after about 15 seconds.
/// </summary>
internal sealed class TeamsBot(TeamsInvokes invokes, TeamsReplies replies, TeamsConnector connector, IServiceScopeFactory scopes, InFlightTurns inFlight,
    IOptions<TeamsOptions> options, ILogger<TeamsBot> logger)
{
    public async Task<Results<Ok, Ok<TeamsInvokeResponse>, BadRequest<string>, StatusCodeHttpResult>> HandleAsync(Activity activity,
        CancellationToken cancellationToken)
    {
        if (activity.Type is not (ActivityTypes.Message or ActivityTypes.ConversationUpdate or ActivityTypes.InstallationUpdate or ActivityTypes.Invoke))
        {
            // Reactions, typing, edits: acknowledged, nothing to do.
            return TypedResults.Ok();
        }
        if (activity.Type == ActivityTypes.Invoke && activity.Name != TeamsTurns.AdaptiveCardAction)
        {
            return TypedResults.StatusCode(StatusCodes.Status501NotImplemented);
        }
        if (TeamsTurns.ToInboundTurn(activity) is not { } turn)
        {
            return TypedResults.BadRequest("A Teams activity needs an id, a conversation, a sender and a tenant.");
        }
        if (activity.Type == ActivityTypes.Invoke)
        {
            // Invokes stay synchronous: Teams shows whatever the response carries.
            return TypedResults.Ok(await invokes.HandleAsync(turn, TeamsTurns.Verb(activity), cancellationToken));
        }
        await RunTurnAsync(turn, cancellationToken);
        return TypedResults.Ok();
    }

    /// <summary>
    /// Runs the turn in its own DI scope, so it can outlive this request. Whoever gets there first decides who answers:
    /// the request, when the turn finishes within the budget (replies threaded under the message), or the turn itself,
    /// through the outbox, once the request has already been acknowledged with a typing indicator.
    /// </summary>
    private async Task RunTurnAsync(InboundTurn turn, CancellationToken cancellationToken)
    {
        var handoff = new TurnHandoff();
        var work = Task.Run(() => RunInScopeAsync(turn, handoff), CancellationToken.None);
        var budget = Task.Delay(options.Value.TurnBudget, cancellationToken);
        if (await Task.WhenAny(work, budget) != work && handoff.TryHandOff())
        {
            await connector.SendAsync(turn.Activity.ServiceUrl!, turn.Reference.Conversation.Id,
                turn.Reference.Address(new Activity { Type = ActivityTypes.Typing }), cancellationToken);
            return;
        }
        if (await work is { } result)
        {
            await replies.ReplyAsync(turn, result, cancellationToken);
        }
    }

    private async Task<TurnResult?> RunInScopeAsync(InboundTurn turn, TurnHandoff handoff)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            // Downloads count against the budget too: a slow file is answered through the outbox like a slow tool.
            turn = await scope.ServiceProvider.GetRequiredService<TeamsFiles>().FetchAsync(turn, inFlight.Abandoned);
            // Not the request's token: the turn must finish even after Teams has its 200, and even while the replica drains.
            var result = await scope.ServiceProvider.GetRequiredService<TurnPipeline>().RunAsync(turn, inFlight.Abandoned);
            if (handoff.TryKeep())
            {
                return result;
            }
            await scope.ServiceProvider.GetRequiredService<TeamsReplies>().QueueAsync(turn, result, inFlight.Abandoned);
            return null;
        }
        catch (Exception ex) when (handoff.HandedOff && ex is not OperationCanceledException)
        {
            // Nobody is waiting for this turn any more; the log is the only place the failure can go.
            logger.LogError(ex, "A slow Teams turn in {Conversation} failed after it was acknowledged", turn.Reference.Conversation.Id);
            return null;
        }
    }

    /// <summary>Who answers a turn: 0 undecided, 1 the waiting request, 2 the turn itself through the outbox.</summary>
    private sealed class TurnHandoff
    {
        private int _owner;

        public bool HandedOff => Volatile.Read(ref _owner) == 2;

        public bool TryHandOff() => Interlocked.CompareExchange(ref _owner, 2, 0) == 0;

        public bool TryKeep() => Interlocked.CompareExchange(ref _owner, 1, 0) == 0 || Volatile.Read(ref _owner) == 1;
    }
}
