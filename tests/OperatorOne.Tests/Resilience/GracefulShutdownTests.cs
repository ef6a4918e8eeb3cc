using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.Resilience;

/// <summary>Each test stops its own bot, so none shares the collection's host.</summary>
public sealed class GracefulShutdownTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task AStoppingReplicaFinishesItsInFlightTurnAndRefusesNewOnes()
    {
        var held = new HeldTool();
        var host = new BotHost { TestServices = services => services.AddSingleton(held.Definition) };
        host.Settings["Hosting:ShutdownTimeoutSeconds"] = "30";
        await host.InitializeAsync();
        var stopped = false;
        try
        {
            var org = await TestOrganization.CreateAsync(host);
            using var chat = await Chat.StartAsync(host, org, "member");
            using var late = await Chat.StartAsync(host, org, "admin");
            using var probe = host.CreateClient();
            var inFlight = chat.Send("build the held report");
            await held.Entered.Task.WaitAsync(Patience);

            var stopping = host.DisposeAsync().AsTask();
            stopped = true;

            await WaitForAsync(async () => (await probe.GetAsync("/health/ready")).StatusCode == HttpStatusCode.ServiceUnavailable);
            var refused = await Assert.ThrowsAsync<HttpRequestException>(() => late.Send("open a ticket: too late"));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.False(stopping.IsCompleted, "The host stopped while a turn was still running.");

            held.Release.SetResult();
            var activityId = await inFlight.WaitAsync(Patience);
            await stopping.WaitAsync(Patience);

            var replies = await TestPostgres.QueryAsAdminAsync(host.AdminConnectionString, $"""
                SELECT text FROM transcript_messages
                WHERE direction = 'Outbound' AND activity->>'replyToId' = '{activityId}'
                """, reader =>
            {
                var texts = new List<string>();
                while (reader.Read())
                {
                    texts.Add(reader.GetString(0));
                }
                return texts;
            });
            Assert.Equal(["The held report is ready."], replies);
        }
        finally
        {
            held.Release.TrySetResult();
            if (!stopped)
            {
                await host.DisposeAsync();
            }
        }
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The condition did not hold in time.");
            }
            await Task.Delay(50);
        }
    }
}
