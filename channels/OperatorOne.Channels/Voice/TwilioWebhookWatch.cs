using System.Collections.Concurrent;

namespace OperatorOne.Channels.Voice;

/// <summary>
/// What this replica last heard from Twilio, for the channel check: whether the last webhook's signature matched, and
/// when each called number was last seen on a correctly signed webhook.
/// </summary>
internal sealed class TwilioWebhookWatch
{
    private const int MaxNumbers = 1000;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _calledNumbers = new();
    private SignatureOutcome? _lastSignature;

    public SignatureOutcome? LastSignature => Volatile.Read(ref _lastSignature);

    public IReadOnlyDictionary<string, DateTimeOffset> CalledNumbers => _calledNumbers;

    public void Signed(bool valid, DateTimeOffset at) => Volatile.Write(ref _lastSignature, new SignatureOutcome(valid, at));

    public void Called(string number, DateTimeOffset at)
    {
        // Bounded: numbers come from signed requests only, but a long-running replica must not grow without end.
        if (_calledNumbers.Count < MaxNumbers || _calledNumbers.ContainsKey(number))
        {
            _calledNumbers[number] = at;
        }
    }
}

internal sealed record SignatureOutcome(bool Valid, DateTimeOffset At);
