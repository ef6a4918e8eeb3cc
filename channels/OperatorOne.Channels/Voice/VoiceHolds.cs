using Microsoft.Extensions.Options;
using OperatorOne.Channels.Voice.Media;

namespace OperatorOne.Channels.Voice;

/// <summary>
/// A caller on hold (their turn outlasted <see cref="VoiceMediaOptions.TurnBudget"/> and was stored by the core): the
/// redirect waits up to the budget for the answer, which the turn commits to the transcript, so the wait works on any
/// replica — including one that took the turn over from a replica that died.
/// </summary>
internal sealed class VoiceHolds(IOptions<VoiceMediaOptions> options, TimeProvider clock)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    /// <summary>Waits up to the budget for the answer the turn of <paramref name="step"/> committed.</summary>
    public async Task<TurnProgress> WaitAsync(VoiceTurns turns, VoiceRequest call, int step, Guid organizationId, CancellationToken cancellationToken)
    {
        var started = clock.GetTimestamp();
        while (true)
        {
            if (await turns.AnsweredAsync(call, step, organizationId, cancellationToken) is { } answer)
            {
                return new TurnProgress(true, answer);
            }
            var left = options.Value.TurnBudget - clock.GetElapsedTime(started);
            if (left <= TimeSpan.Zero)
            {
                return TurnProgress.Running;
            }
            await Task.Delay(left < PollInterval ? left : PollInterval, clock, cancellationToken);
        }
    }
}
