using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.Telemetry;

/// <summary>The real bot with Telemetry:OtlpEndpoint pointed at a local OTLP/HTTP stand-in.</summary>
public sealed class OtlpFixture : IAsyncLifetime
{
    public OtlpCollector Collector { get; } = new();
    public BotHost Host { get; } = new();

    public async ValueTask InitializeAsync()
    {
        Host.Settings["Telemetry:OtlpEndpoint"] = Collector.BaseAddress.ToString().TrimEnd('/');
        Host.Settings["Telemetry:ServiceName"] = "operatorone-under-test";
        await Host.InitializeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        Collector.Dispose();
    }
}

public sealed class OtlpExportTests(OtlpFixture fixture) : IClassFixture<OtlpFixture>
{
    [Fact]
    public async Task AConfiguredCollectorReceivesTheTurnSpanAndTheTurnCounterOverOtlpHttp()
    {
        var host = fixture.Host;
        var org = await TestOrganization.CreateAsync(host);
        using var chat = await Chat.StartAsync(host, org, "member");

        await chat.Send("open a ticket: exported printer");
        await chat.ExpectReply("#1");
        Assert.True(host.Services.GetRequiredService<TracerProvider>().ForceFlush(10_000));
        Assert.True(host.Services.GetRequiredService<MeterProvider>().ForceFlush(10_000));

        var collector = fixture.Collector;
        Assert.True(collector.Received("/v1/traces", "turn", "operatorone.tool", "create_ticket", org.Id.ToString(), "operatorone-under-test"),
            $"Traces posted: {collector.Posts.Count(p => p.Path == "/v1/traces")}");
        Assert.True(collector.Received("/v1/metrics", "operatorone.turns", "operatorone.tool.calls", "webchat"));
        Assert.All(collector.Posts, post => Assert.Equal("application/x-protobuf", post.ContentType));
    }
}
