using OperatorOne.Bot.Core.Turns;
using OperatorOne.Bot.Hosting;

namespace OperatorOne.Tests.Deploy;

/// <summary>The settings list the deploy tests check against is derived from the source; these pin what it must find.</summary>
public sealed class BotSettingsTests
{
    [Fact]
    public void SourceScanFindsTheSettingsTheHostingCodeReads()
    {
        var expected = new[]
        {
            $"ConnectionStrings:{DatabaseHosting.RuntimeConnection}",
            $"ConnectionStrings:{DatabaseHosting.MigrationConnection}",
            $"Database:{nameof(DatabaseOptions.MigrateOnStart)}",
            $"Database:{nameof(DatabaseOptions.SeedDemo)}",
            $"Database:{nameof(DatabaseOptions.DataDirectory)}",
            $"Limits:{nameof(RateLimitOptions.TurnsPerUserPerMinute)}",
            $"Limits:{nameof(RateLimitOptions.TurnsPerOrganizationPerMinute)}",
            "Secrets:Key",
            "Telemetry:OtlpEndpoint",
            "Telemetry:OtlpProtocol",
            "Hosting:ShutdownTimeoutSeconds",
            "Work:ReplicaTimeoutSeconds",
            "Work:HeartbeatSeconds",
        };

        Assert.All(expected, key => Assert.Contains(key, BotSettings.Current.Keys, StringComparer.OrdinalIgnoreCase));
    }

    [Fact]
    public void SectionsBoundToOptionsAcceptOnlyTheirProperties()
    {
        Assert.False(BotSettings.Current.Reads("Database:MigrateOnStartup"));
        Assert.False(BotSettings.Current.Reads("Limits:TurnsPerHour"));
        Assert.DoesNotContain("Database", BotSettings.Current.OpenSections, StringComparer.OrdinalIgnoreCase);
    }

    [Fact]
    public void RequiredSettingsAreSettingsTheBotReads() =>
        Assert.All(BotSettings.RequiredByBot.Concat(BotSettings.RequiredByMigrate), key => Assert.True(BotSettings.Current.Reads(key), key));
}
