using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OperatorOne.Channels.Slack;
using OperatorOne.Tests.Infrastructure;
using OperatorOne.Tests.Slack;

namespace OperatorOne.Tests.Turns;

/// <summary>
/// A turn whose pushed reply waits on a slow channel API steps aside while it waits: on a bot that lets one turn work at
/// once, a second conversation's turn runs and is answered while the first reply is still held by Slack. Had the held
/// delivery kept its working slot, the second turn could not start until Slack answered, which here is never before the
/// second reply arrives (Slack's client here waits minutes, so no timeout frees it). The outcome is decided by the
/// stand-in's calls, not by a clock.
/// </summary>
[Collection(SlowConnectorCollection.Name)]
public sealed class SlowConnectorTests(SlowConnectorFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task AReplyHeldBySlackHoldsUpNoOtherConversationsTurn()
    {
        using var workspace = await SlackWorkspace.CreateAsync(fixture.Slack);
        var slack = fixture.Slack.Slack;
        var (held, other) = ($"DHELD{workspace.TeamId[1..]}", $"DFREE{workspace.TeamId[1..]}");
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        slack.Holds[held] = release.Task;
        // The first turn's event is answered once it commits: not awaited yet, so the order below needs no answer.
        var first = workspace.PostEventAsync(Help(workspace, held));
        try
        {
            await slack.WaitForAsync(c => IsReply(c, held), 1, Patience);

            Assert.Equal(HttpStatusCode.OK, (await workspace.PostEventAsync(Help(workspace, other))).StatusCode);
            await slack.WaitForAsync(c => IsReply(c, other), 1, Patience);
            Assert.False(release.Task.IsCompleted);
        }
        finally
        {
            release.TrySetResult();
            slack.Holds.TryRemove(held, out _);
        }
        Assert.Equal(HttpStatusCode.OK, (await first.WaitAsync(Patience)).StatusCode);
        Assert.Single(slack.Calls, c => IsReply(c, held));
        Assert.Single(slack.Calls, c => IsReply(c, other));
    }

    /// <summary>
    /// Slack retries an event it has no answer for within 3 s, and the reply is committed (and claimed) before it is
    /// sent: the event is answered at the commit, while Slack still holds the reply's call, and the reply then follows.
    /// </summary>
    [Fact]
    public async Task AnEventIsAnsweredOnceItsTurnCommitsWhileSlackStillHoldsItsReply()
    {
        using var workspace = await SlackWorkspace.CreateAsync(fixture.Slack);
        var slack = fixture.Slack.Slack;
        var held = $"DACK{workspace.TeamId[1..]}";
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        slack.Holds[held] = release.Task;
        try
        {
            var answer = await workspace.PostEventAsync(Help(workspace, held)).WaitAsync(Patience);

            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            await slack.WaitForAsync(c => IsReply(c, held), 1, Patience);
        }
        finally
        {
            release.TrySetResult();
            slack.Holds.TryRemove(held, out _);
        }
        await fixture.Slack.Host.SettledAsync(workspace.Organization.Id);
        Assert.Single(slack.Calls, c => IsReply(c, held));
    }

    private static System.Text.Json.Nodes.JsonObject Help(SlackWorkspace workspace, string channel)
    {
        var envelope = workspace.DmEnvelope("member", "help");
        envelope["event"]!["channel"] = channel;
        return envelope;
    }

    private static bool IsReply(SlackCall call, string channel) =>
        call.Method == "chat.postMessage" && call.Arguments["channel"]?.ToString() == channel;
}

/// <summary>
/// The Slack bot letting one turn work at a time (<c>Turns:MaxWorking</c> 1), whose Slack client waits minutes rather
/// than 15 s: a held delivery must not end by its timeout before the test's wait does, freeing the slot either way.
/// </summary>
public sealed class SlowConnectorFixture : IAsyncLifetime
{
    public SlackFixture Slack { get; } = new();

    public async ValueTask InitializeAsync()
    {
        Slack.Host.Settings["Turns:MaxWorking"] = "1";
        Slack.Host.TestServices = services => services.AddHttpClient(SlackApi.ClientName, http => http.Timeout = TimeSpan.FromMinutes(5));
        await Slack.InitializeAsync();
    }

    public async ValueTask DisposeAsync() => await Slack.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class SlowConnectorCollection : ICollectionFixture<SlowConnectorFixture>
{
    public const string Name = "slow-connector";
}
