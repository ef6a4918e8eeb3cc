using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OperatorOne.Bot.Core.Outbox;
using OperatorOne.Bot.Core.Work;

namespace OperatorOne.Bot.Core.Turns;

/// <summary>
/// The one entry: every channel hands its verified turn here (Teams, Slack, web chat, the phone in both modes, card
/// clicks). The turn runs in a scope of its own, counted in flight, so it may outlive the request. When it finishes
/// within the channel's budget the request gets its result; when the budget runs out first, the turn is stored
/// (<see cref="AcceptedTurns"/>) before the channel acknowledges, and goes on here — or, if this replica dies, on
/// another one. A fast turn commits once; only a slow one pays for the extra write that makes it durable. Turns run
/// as <see cref="TurnAdmission"/> admits them; waiting for a slot spends the budget like running does.
/// </summary>
public sealed class TurnLoop(IServiceScopeFactory scopes, InFlightTurns inFlight, TurnAdmission admission, AcceptedTurns accepted, HaltPoints halts,
    ILogger<TurnLoop> logger)
{
    /// <summary>
    /// Runs <paramref name="turn"/>, giving the channel its result within <paramref name="budget"/> (no budget: wait for it).
    /// Throws when the turn failed, or when it could not be stored after the budget ran out: the channel then must not
    /// acknowledge (a 5xx makes the sender retry).
    /// </summary>
    public async Task<TurnOutcome> ProcessAsync(InboundTurn turn, TimeSpan? budget, CancellationToken cancellationToken)
    {
        var handoff = new TurnHandoff();
        var lease = inFlight.Enter();
        var running = Task.Run(() => RunDetachedAsync(turn, handoff, lease), CancellationToken.None);
        var answered = Task.WhenAny(running, handoff.WhenCommitted);
        if (budget is { } limit && await Task.WhenAny(answered, Task.Delay(limit, cancellationToken)) != answered && handoff.TryHandOff())
        {
            try
            {
                await accepted.AcceptAsync(turn, cancellationToken);
                handoff.SetStored(true);
            }
            catch
            {
                handoff.SetStored(false);
                throw;
            }
            return TurnOutcome.Later;
        }
        // Committed is answer enough: the pushed replies are claimed rows that the outbox sends if this replica dies first.
        return new TurnOutcome.Completed(await answered == running ? await running : await handoff.WhenCommitted);
    }

    /// <summary>An accepted turn taken over from a replica that died: run to the end, its replies through the outbox.</summary>
    public async Task<TurnResult> ResumeAsync(InboundTurn turn, CancellationToken cancellationToken)
    {
        return await admission.RunAsync(() => RunAsync(turn, TurnHandoff.Detached(), cancellationToken), cancellationToken);
    }

    private async Task<TurnResult> RunDetachedAsync(InboundTurn turn, TurnHandoff handoff, IDisposable lease)
    {
        using (lease)
        {
            try
            {
                // Not the request's token: the turn must finish after the acknowledgement, and while the replica drains.
                var result = await admission.RunAsync(() => RunAsync(turn, handoff, inFlight.Abandoned), inFlight.Abandoned);
                // Settling uses the pool's reserve, after the slot is free: it never waits behind running turns.
                if (await handoff.IsStoredAsync())
                {
                    await accepted.FinishAsync(turn, inFlight.Abandoned);
                }
                return result;
            }
            catch (Exception ex) when (handoff.IsHandedOff)
            {
                // Nobody waits for this turn any more: its stored row goes back to be tried again.
                logger.LogError(ex, "An accepted turn {Delivery} on {Channel} failed; it will be tried again", turn.DeliveryId, turn.Channel);
                if (await handoff.IsStoredAsync())
                {
                    await accepted.RetryAsync(turn, ex, CancellationToken.None);
                }
                throw;
            }
        }
    }

    private async Task<TurnResult> RunAsync(InboundTurn turn, TurnHandoff handoff, CancellationToken cancellationToken)
    {
        TurnResult result;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var pipeline = scope.ServiceProvider.GetRequiredService<TurnPipeline>();
            if (scope.ServiceProvider.GetServices<ITurnPreparation>().FirstOrDefault(p => p.Channel == turn.Channel) is { } preparation
                && preparation.IsNeeded(turn))
            {
                if (await pipeline.WasProcessedAsync(turn, cancellationToken))
                {
                    return TurnResult.Duplicate;
                }
                // Downloads and look-ups run before the transaction opens, and count against the budget like a slow tool.
                var prepared = turn;
                turn = await TurnAdmission.AwayAsync(() => preparation.PrepareAsync(prepared, cancellationToken));
            }
            result = await pipeline.RunAsync(turn, handoff, cancellationToken);
        }
        // The turn's connection is back in the pool before its replies go out, each delivery taking one of its own: a
        // turn holding two at once is how a full pool deadlocks (every turn holding one, waiting for a second).
        await halts.ReachedAsync(HaltPoints.Committed, turn.Channel, turn.DeliveryId, cancellationToken);
        handoff.SetCommitted(result);
        if (result.Deliveries.Count > 0)
        {
            await DeliverAsync(turn, result, cancellationToken);
        }
        return result;
    }

    /// <summary>
    /// Sends the replies the turn claimed. The request may be answered already, so a failure here is logged, not thrown:
    /// the rows are committed and claimed, and the outbox sends them when the claim runs out.
    /// </summary>
    private async Task DeliverAsync(InboundTurn turn, TurnResult result, CancellationToken cancellationToken)
    {
        try
        {
            await using var delivering = scopes.CreateAsyncScope();
            // The channel's answer is waited for aside: a slow connector holds its turn's slot, not the cores' share.
            await TurnAdmission.AwayAsync(() => delivering.ServiceProvider.GetRequiredService<OutboxDeliveries>().DeliverNowAsync(result, cancellationToken));
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "The replies of turn {Delivery} on {Channel} were not sent at once; the outbox will send them", turn.DeliveryId, turn.Channel);
        }
    }
}
