using Microsoft.Extensions.DependencyInjection;
using OperatorOne.Tests.Demo;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.Crm;

/// <summary>
/// A bot whose clock reads noon on the 15th of a past month (and flows from there): "this month" then holds for two weeks
/// either way, so a test that picks close dates around it never straddles a month end however slow the machine is.
/// </summary>
public sealed class MidMonthBot : IAsyncLifetime
{
    private readonly ShiftedClock _clock = new();

    public BotHost Host { get; } = new();

    /// <summary>The day the bot believes it is when the fixture starts.</summary>
    public DateOnly Today { get; private set; }

    public ValueTask InitializeAsync()
    {
        var month = DateTime.UtcNow.AddMonths(-2);
        Today = new DateOnly(month.Year, month.Month, 15);
        _clock.Offset = new DateTimeOffset(Today.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero) - TimeProvider.System.GetUtcNow();
        Host.TestServices = services => services.AddSingleton<TimeProvider>(_clock);
        return Host.InitializeAsync();
    }

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
