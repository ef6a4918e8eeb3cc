using Microsoft.Extensions.Configuration;

namespace OperatorOne.Bot.Core.Work;

/// <summary>
/// Named instants a crash test kills a replica at, where nothing outside can hold it: after a turn commits (before
/// its replies go out and its stored row is settled), and while a claimed outbox row is about to be sent. Inert
/// unless the setting Faults:HaltAt names the point; then the replica says "halted at {point} {channel} {id}" on
/// stdout and waits there forever, for the test to kill it.
/// </summary>
public sealed class HaltPoints(IConfiguration configuration)
{
    public const string Committed = "committed";
    public const string Delivering = "delivering";

    private readonly string? _haltAt = configuration.GetSection(FaultsOptions.Section).Get<FaultsOptions>()?.HaltAt;

    public async Task ReachedAsync(string point, string channel, string id, CancellationToken cancellationToken)
    {
        if (_haltAt is null || !string.Equals(_haltAt, point, StringComparison.Ordinal))
        {
            return;
        }
        await Console.Out.WriteLineAsync($"halted at {point} {channel} {id}");
        await Console.Out.FlushAsync(cancellationToken);
        await Task.Delay(Timeout.Infinite, cancellationToken);
    }
}
