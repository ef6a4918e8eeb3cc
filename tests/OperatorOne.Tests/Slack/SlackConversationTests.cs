using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using OperatorOne.Data.Conversations;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.Slack;

[Collection(SlackCollection.Name)]
public sealed class SlackConversationTests(SlackFixture fixture)
{
    private SlackStandIn Slack => fixture.Slack;

    private Task<List<SlackCall>> PostsTo(string channel, int count = 1) =>
        Slack.WaitForAsync(c => c.Method == "chat.postMessage" && c.Arguments["channel"]?.ToString() == channel, count);

    [Fact]
    public async Task UrlVerificationEchoesTheChallenge()
    {
        using var workspace = await SlackWorkspace.CreateAsync(fixture);

        var response = await workspace.PostEventAsync(new JsonObject { ["token"] = "x", ["challenge"] = "c-123", ["type"] = "url_verification" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("c-123", (await response.Content.ReadFromJsonAsync<JsonObject>())!["challenge"]!.GetValue<string>());
    }

    [Fact]
    public async Task ADirectMessageIsAnsweredInTheDmWithTheMembersRole()
    {
        using var workspace = await SlackWorkspace.CreateAsync(fixture);

        var response = await workspace.PostEventAsync(workspace.DmEnvelope("admin", "help"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        var reply = (await PostsTo(workspace.DmChannel("admin"))).Single();
        Assert.Contains("as admin", reply.Arguments["text"]!.GetValue<string>());
        Assert.Equal(SlackFixture.BotToken, reply.Token);
        Assert.Null(reply.Arguments["thread_ts"]);
    }

    [Fact]
    public async Task RetriedSlackEventIsProcessedOnce()
    {
        using var workspace = await SlackWorkspace.CreateAsync(fixture);
        var envelope = workspace.DmEnvelope("member", "help", eventId: $"EvRetry{Guid.NewGuid():N}");

        var first = await workspace.PostEventAsync(envelope);
        var retry = await workspace.PostEventAsync(envelope, retry: 1);
        await PostsTo(workspace.DmChannel("member"));
        await fixture.Host.SettledAsync(workspace.Organization.Id);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Single(Slack.Calls, c => c.Method == "chat.postMessage" && c.Arguments["channel"]?.ToString() == workspace.DmChannel("member"));
        var inbound = await fixture.Host.InOrganizationAsync(workspace.Organization.Id,
            db => db.TranscriptMessages.CountAsync(m => m.Direction == MessageDirection.Inbound));
        Assert.Equal(1, inbound);
    }

    [Fact]
    public async Task ARetriedTicketRequestCreatesOneTicket()
    {
        using var workspace = await SlackWorkspace.CreateAsync(fixture);
        var envelope = workspace.DmEnvelope("member", "open a ticket: printer jammed");

        await workspace.PostEventAsync(envelope);
        await workspace.PostEventAsync(envelope, retry: 1);
        await workspace.PostEventAsync(envelope, retry: 2);
        await PostsTo(workspace.DmChannel("member"));
        await fixture.Host.SettledAsync(workspace.Organization.Id);

        var titles = await fixture.Host.InOrganizationAsync(workspace.Organization.Id, db => db.Tickets.Select(t => t.Title).ToListAsync());
        Assert.Single(titles);
        Assert.Contains("printer jammed", titles[0], StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AMentionInAChannelIsAnsweredInItsThreadWithoutTheMention()
    {
        using var workspace = await SlackWorkspace.CreateAsync(fixture);
        var ts = workspace.NextTs();
        var channel = $"C{workspace.TeamId[1..]}";

        await workspace.PostEventAsync(workspace.Envelope(new JsonObject
        {
            ["type"] = "app_mention", ["user"] = workspace.UserId("member"), ["text"] = "<@UBOT> help", ["ts"] = ts, ["channel"] = channel, ["event_ts"] = ts,
        }));

        var reply = (await PostsTo(channel)).Single();
        Assert.Equal(ts, reply.Arguments["thread_ts"]!.GetValue<string>());
        Assert.Contains("as member", reply.Arguments["text"]!.GetValue<string>());
        var said = await fixture.Host.InOrganizationAsync(workspace.Organization.Id,
            db => db.TranscriptMessages.Where(m => m.Direction == MessageDirection.Inbound).Select(m => m.Text).SingleAsync());
        Assert.Equal("help", said);
    }

    [Fact]
    public async Task BotMessagesAndEditsAreAcknowledgedButNeverProcessed()
    {
        using var workspace = await SlackWorkspace.CreateAsync(fixture);
        var fromBot = workspace.DmEnvelope("admin", "help");
        fromBot["event"]!["bot_id"] = "BBOT";
        var edit = workspace.DmEnvelope("admin", "help");
        edit["event"]!["subtype"] = "message_changed";

        Assert.Equal(HttpStatusCode.OK, (await workspace.PostEventAsync(fromBot)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await workspace.PostEventAsync(edit)).StatusCode);
        await workspace.PostEventAsync(workspace.DmEnvelope("admin", "help"));
        await PostsTo(workspace.DmChannel("admin"));
        await fixture.Host.SettledAsync(workspace.Organization.Id);

        Assert.Single(Slack.Calls, c => c.Method == "chat.postMessage" && c.Arguments["channel"]?.ToString() == workspace.DmChannel("admin"));
        Assert.Equal(1, await fixture.Host.InOrganizationAsync(workspace.Organization.Id, db => db.TranscriptMessages.CountAsync(m => m.Direction == MessageDirection.Inbound)));
    }

    [Fact]
    public async Task TheSlashCommandAnswersEphemerallyInTheHttpResponse()
    {
        using var workspace = await SlackWorkspace.CreateAsync(fixture);
        var hook = Slack.ResponseUrl($"cmd-{Guid.NewGuid():N}");

        var response = await workspace.PostCommandAsync("viewer", "help", $"C{workspace.TeamId[1..]}", hook);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("ephemeral", answer["response_type"]!.GetValue<string>());
        Assert.Contains("as viewer", answer["text"]!.GetValue<string>());
        Assert.DoesNotContain(Slack.Calls, c => c.Method == "response_url" && c.Arguments["hook"]?.ToString() == hook.Segments[^1]);
    }

    [Fact]
    public async Task ASlackUserIsLinkedToTheMemberWithTheirVerifiedEmail()
    {
        using var workspace = await SlackWorkspace.CreateAsync(fixture, linkMembers: false);
        var email = $"ada-{Guid.NewGuid():N}@example.com";
        await fixture.Host.InOrganizationAsync(workspace.Organization.Id, async db =>
        {
            var admin = await db.Members.SingleAsync(m => m.Id == workspace.Organization.Members["admin"]);
            admin.Email = email;
            return await db.SaveChangesAsync();
        });
        Slack.Emails[workspace.UserId("admin")] = email.ToUpperInvariant();

        await workspace.PostEventAsync(workspace.DmEnvelope("admin", "help"));
        await workspace.PostEventAsync(workspace.DmEnvelope("viewer", "help"));

        Assert.Contains("as admin", (await PostsTo(workspace.DmChannel("admin"))).Single().Arguments["text"]!.GetValue<string>());
        Assert.Contains("as a guest", (await PostsTo(workspace.DmChannel("viewer"))).Single().Arguments["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task ARateLimitedReplyIsRetriedAfterRetryAfter()
    {
        using var workspace = await SlackWorkspace.CreateAsync(fixture);
        var channel = workspace.DmChannel("owner");
        Slack.Overrides[$"chat.postMessage:{channel}"] = (429, new JsonObject { ["ok"] = false, ["error"] = "ratelimited" });

        await workspace.PostEventAsync(workspace.DmEnvelope("owner", "help"));
        await PostsTo(channel);
        Slack.Overrides.TryRemove($"chat.postMessage:{channel}", out _);

        var calls = await PostsTo(channel, count: 2);
        Assert.Equal(2, calls.Count);
    }
}
