using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OperatorOne.Bot.Core.Turns;
using OperatorOne.Channels.Voice.Media;

namespace OperatorOne.Channels.Voice;

/// <summary>Where a caller's turn stands: finished (with its answer, or none when the number is not installed), or still running.</summary>
internal sealed record TurnProgress(bool Finished, VoiceAnswer? Answer)
{
    public static readonly TurnProgress Running = new(false, null);
}

/// <summary>
/// Keeps Twilio's 15-second webhook deadline with slow turns (a model thinking): the turn runs in its own scope, and
/// when it outlasts <see cref="VoiceMediaOptions.TurnBudget"/> the webhook puts the caller on hold; a redirect then
/// waits for the answer, which the turn commits to the transcript, so the wait works on any replica.
/// </summary>
internal sealed class VoiceHolds(DetachedTurns detached, IOptions<VoiceMediaOptions> options, TimeProvider clock,
    ILogger<VoiceHolds> logger)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    /// <summary>What the caller said at <paramref name="step"/>, answered if the turn finishes within the budget.</summary>
    public async Task<TurnProgress> SayAsync(VoiceRequest call, int step, string input, Guid organizationId, CancellationToken cancellationToken)
    {
        var turn = await detached.RunWithinAsync(options.Value.TurnBudget,
            (services, ct) => services.GetRequiredService<VoiceTurns>().SayAsync(call, step, input, organizationId, ct),
            // The caller's holds run out; the log is the only place the failure can go.
            failure => logger.LogError(failure, "A slow call turn {Call}:{Step} failed while the caller was on hold.", call.CallSid, step),
            cancellationToken);
        return turn.Finished ? new TurnProgress(true, turn.Result) : TurnProgress.Running;
    }

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
