using OperatorOne.Data.Members;
using OperatorOne.Tests.Ai;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.Turns;

/// <summary>
/// Turns of one organization run side by side: nothing organization-wide is held while a turn waits for the model, and a
/// turn waiting on the model does not count among the replica's working turns (the fixture lets only two work at once).
/// The model stand-in answers nobody until all the turns wait on it at once, so turns that queued behind each other
/// would never get there (and the first would time out). No timing decides the outcome.
/// </summary>
[Collection(ParallelTurnsCollection.Name)]
public sealed class ParallelTurnTests(ParallelTurnsFixture fixture)
{
    private const int Members = 20;

    [Fact]
    public async Task TwentyMembersOfOneOrganizationReachTheModelAtOnceAndEachGetsOneReply()
    {
        var host = fixture.Host;
        var org = await TestOrganization.CreateAsync(host);
        var handles = Enumerable.Range(0, Members).Select(i => $"parallel{i}").ToList();
        await AddMembersAsync(host, org, handles);
        var chats = await Task.WhenAll(handles.Select(h => Chat.StartAsync(host, org, h)));
        fixture.Model.Reset();
        for (var i = 0; i < Members; i++)
        {
            fixture.Model.ReplyText("Answered while the others waited too.");
        }
        fixture.Model.HoldUntil(Members);

        var sent = await Task.WhenAll(chats.Select(c => c.Send("what should I do about the noisy fan in room 4?")));

        for (var i = 0; i < Members; i++)
        {
            var reply = await chats[i].ExpectAnswerTo(sent[i], TimeSpan.FromSeconds(60));
            Assert.Contains("Answered while the others waited too.", reply["text"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.Single(chats[i].BotActivities, a => a["replyToId"]?.GetValue<string>() == sent[i]);
        }
        Assert.Equal(Members, fixture.Model.Requests.Count);
        foreach (var chat in chats)
        {
            chat.Dispose();
        }
    }

    private static Task<int> AddMembersAsync(BotHost host, TestOrganization org, IEnumerable<string> handles) =>
        host.InOrganizationAsync(org.Id, async db =>
        {
            var now = DateTimeOffset.UtcNow;
            foreach (var handle in handles)
            {
                var member = new Member { Id = Guid.NewGuid(), OrganizationId = org.Id, DisplayName = $"Pat {handle}", Handle = handle, Role = MemberRole.Member, CreatedAt = now };
                db.Members.Add(member);
                db.ChannelIdentities.Add(new ChannelIdentity
                {
                    Id = Guid.NewGuid(), OrganizationId = org.Id, MemberId = member.Id, Channel = "webchat", ExternalId = org.WebChatUserId(handle), CreatedAt = now,
                });
            }
            return await db.SaveChangesAsync();
        });
}

/// <summary>
/// A bot of its own with a patient model client: the stand-in holds answers until every turn has asked, and the guard
/// against turns that never arrive is the test's own wait, not the client's timeout.
/// </summary>
public sealed class ParallelTurnsFixture : IAsyncLifetime
{
    public BotHost Host { get; } = new();
    public OpenAiStandIn Model { get; } = new();

    public async ValueTask InitializeAsync()
    {
        await Model.StartAsync();
        Model.Configure(Host.Settings, timeoutSeconds: 60);
        Host.Settings["Turns:MaxWorking"] = "2";
        await Host.InitializeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Model.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class ParallelTurnsCollection : ICollectionFixture<ParallelTurnsFixture>
{
    public const string Name = "parallel turns";
}
