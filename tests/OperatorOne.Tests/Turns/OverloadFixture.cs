using Microsoft.Extensions.DependencyInjection;
using OperatorOne.Data;
using OperatorOne.Tests.Slack;

namespace OperatorOne.Tests.Turns;

/// <summary>
/// The Slack bot on a connection pool of <see cref="PoolSize"/>, with <see cref="StoreFaults"/> in its store, and claims
/// that a live replica holds for an hour: a row that only a dead claim would free is never taken up within a test.
/// </summary>
public sealed class OverloadFixture : IAsyncLifetime
{
    public const int PoolSize = 12;

    public SlackFixture Slack { get; } = new();
    internal StoreFaults Faults { get; } = new();

    public async ValueTask InitializeAsync()
    {
        Slack.Host.MaxPoolSize = PoolSize;
        Slack.Host.Settings["Work:MaxHoldSeconds"] = "3600";
        Slack.Host.TestServices = services => services.ConfigureDbContext<OperatorOneDb>(db => db.AddInterceptors(Faults));
        await Slack.InitializeAsync();
    }

    public async ValueTask DisposeAsync() => await Slack.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class OverloadCollection : ICollectionFixture<OverloadFixture>
{
    public const string Name = "overload";
}
