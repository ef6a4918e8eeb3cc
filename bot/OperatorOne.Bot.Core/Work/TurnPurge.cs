using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OperatorOne.Data;

namespace OperatorOne.Bot.Core.Work;

/// <summary>Hourly: de-duplication rows and settled accepted turns older than two days go (channels retry within hours).</summary>
internal sealed class TurnPurge : IPeriodicJob
{
    private const int KeepHours = 48;

    public string Name => "turn-purge";

    public TimeSpan Interval => TimeSpan.FromHours(1);

    public async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        await services.GetRequiredService<OperatorOneDb>().Database.ExecuteSqlAsync($"SELECT op_purge_turns({KeepHours})", cancellationToken);
}
