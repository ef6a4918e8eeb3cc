using System.Net;
using Microsoft.EntityFrameworkCore;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.WebChat;

[Collection(BotCollection.Name)]
public sealed class DirectLineConversationTests(BotHost host)
{
    [Fact]
    public async Task StartingAConversationAnswers201ThenTheSameTokenGets200WithAStreamUrl()
    {
        var organization = await TestOrganization.CreateAsync(host);
        using var client = new DirectLineClient(host);
        var (conversationId, token) = await client.GenerateAsync(organization, "member");

        var first = await client.PostAsync("/v3/directline/conversations", token);
        var second = await client.PostAsync("/v3/directline/conversations", token);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var body = await DirectLineClient.JsonAsync(first);
        Assert.Equal(conversationId, body["conversationId"]!.GetValue<string>());
        Assert.Equal(1800, body["expires_in"]!.GetValue<int>());
        var streamUrl = new Uri(body["streamUrl"]!.GetValue<string>());
        Assert.Equal("ws", streamUrl.Scheme);
        Assert.Equal(host.BaseAddress.Authority, streamUrl.Authority);
        Assert.Equal($"/v3/directline/conversations/{conversationId}/stream", streamUrl.AbsolutePath);
        Assert.StartsWith("?t=", streamUrl.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartingAConversationWelcomesTheUserOnce()
    {
        var organization = await TestOrganization.CreateAsync(host);
        using var client = new DirectLineClient(host);
        var (conversationId, token) = await client.GenerateAsync(organization, "member");

        await client.PostAsync("/v3/directline/conversations", token);
        await client.PostAsync("/v3/directline/conversations", token);

        var activities = (await client.ActivitiesAsync(conversationId, token))["activities"]!.AsArray();
        var welcome = Assert.Single(activities);
        Assert.Equal("bot", welcome!["from"]!["role"]!.GetValue<string>());
        Assert.Null(welcome["replyToId"]);
    }

    [Fact]
    public async Task APostedActivityIsEchoedWithOurIdTheClientActivityIdAndTheTokensUser()
    {
        var organization = await TestOrganization.CreateAsync(host);
        using var client = new DirectLineClient(host);
        var (conversationId, token) = await client.StartAsync(organization, "member");

        var posted = await client.PostActivityAsync(conversationId, token, DirectLineClient.Message("help", "client-1"));

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var id = (await DirectLineClient.JsonAsync(posted))["id"]!.GetValue<string>();
        // Made from the client id, so the post takes no number from the store before its turn (README, Decisions).
        Assert.Equal($"{conversationId}|c-client-1", id);
        var activities = (await client.ActivitiesAsync(conversationId, token))["activities"]!.AsArray();
        var echo = Assert.Single(activities, a => a!["id"]!.GetValue<string>() == id)!;
        Assert.Equal("client-1", echo["channelData"]!["clientActivityID"]!.GetValue<string>());
        Assert.Equal(organization.WebChatUserId("member"), echo["from"]!["id"]!.GetValue<string>());
        Assert.Equal("user", echo["from"]!["role"]!.GetValue<string>());
        // The turn ran before the POST returned: the bot's reply is already there, pointing at the echo.
        var reply = Assert.Single(activities, a => a!["replyToId"]?.GetValue<string>() == id)!;
        Assert.Equal("bot", reply["from"]!["role"]!.GetValue<string>());
        Assert.True(DateTimeOffset.TryParse(reply["timestamp"]!.GetValue<string>(), out _));
    }

    [Fact]
    public async Task ReadingWithAWatermarkReturnsOnlyNewerActivities()
    {
        var organization = await TestOrganization.CreateAsync(host);
        using var client = new DirectLineClient(host);
        var (conversationId, token) = await client.StartAsync(organization, "member");
        await client.PostActivityAsync(conversationId, token, DirectLineClient.Message("help", "first"));
        var watermark = (await client.ActivitiesAsync(conversationId, token))["watermark"]!.GetValue<string>();

        var secondId = (await DirectLineClient.JsonAsync(
            await client.PostActivityAsync(conversationId, token, DirectLineClient.Message("help", "second"))))["id"]!.GetValue<string>();
        var newer = await client.ActivitiesAsync(conversationId, token, watermark);

        var activities = newer["activities"]!.AsArray();
        Assert.Equal(secondId, activities[0]!["id"]!.GetValue<string>());
        Assert.DoesNotContain(activities, a => a!["channelData"]?["clientActivityID"]?.GetValue<string>() == "first");
        Assert.NotEqual(watermark, newer["watermark"]!.GetValue<string>());
    }

    [Fact]
    public async Task PostingTheSameClientActivityTwiceEchoesItOnceAndRunsTheTurnOnce()
    {
        var organization = await TestOrganization.CreateAsync(host);
        using var client = new DirectLineClient(host);
        var (conversationId, token) = await client.StartAsync(organization, "member");
        var message = DirectLineClient.Message("help", "retried-once");

        var first = await client.PostActivityAsync(conversationId, token, message);
        var second = await client.PostActivityAsync(conversationId, token, message);

        var firstId = (await DirectLineClient.JsonAsync(first))["id"]!.GetValue<string>();
        Assert.Equal(firstId, (await DirectLineClient.JsonAsync(second))["id"]!.GetValue<string>());
        var activities = (await client.ActivitiesAsync(conversationId, token))["activities"]!.AsArray();
        Assert.Single(activities, a => a!["channelData"]?["clientActivityID"]?.GetValue<string>() == "retried-once");
        Assert.Single(activities, a => a!["replyToId"]?.GetValue<string>() == firstId);
        var inbound = await host.InOrganizationAsync(organization.Id, db => db.TranscriptMessages.CountAsync(m => m.ActivityId == firstId));
        Assert.Equal(1, inbound);
    }

    [Fact]
    public async Task ReconnectingGivesAFreshStreamUrlAndToken()
    {
        var organization = await TestOrganization.CreateAsync(host);
        using var client = new DirectLineClient(host);
        var (conversationId, token) = await client.StartAsync(organization, "member");

        var response = await client.GetAsync($"/v3/directline/conversations/{conversationId}?watermark=1", token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await DirectLineClient.JsonAsync(response);
        Assert.Contains("watermark=1", body["streamUrl"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(body["token"]!.GetValue<string>()));
    }

    [Fact]
    public async Task AConversationThatWasNeverStartedIsNotFound()
    {
        var organization = await TestOrganization.CreateAsync(host);
        using var client = new DirectLineClient(host);
        var (conversationId, token) = await client.GenerateAsync(organization, "member");

        var read = await client.GetAsync($"/v3/directline/conversations/{conversationId}/activities", token);
        var bySecret = await client.GetAsync("/v3/directline/conversations/no-such-conversation/activities", organization.SiteSecret);
        // A post reads nothing before its turn: the turn's first statement finds no such conversation, and runs nothing.
        var post = await client.PostActivityAsync(conversationId, token, DirectLineClient.Message("help", "too-early"));

        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal("NotFound", await DirectLineClient.ErrorCodeAsync(read));
        Assert.Equal(HttpStatusCode.NotFound, bySecret.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal("NotFound", await DirectLineClient.ErrorCodeAsync(post));
        var (deliveries, conversations) = await host.InOrganizationAsync(organization.Id, async db =>
            (await db.ProcessedDeliveries.CountAsync(), await db.Conversations.CountAsync()));
        Assert.Equal((0, 0), (deliveries, conversations));
    }

    [Fact]
    public async Task ATokenForAnotherConversationIsForbidden()
    {
        var organization = await TestOrganization.CreateAsync(host);
        using var client = new DirectLineClient(host);
        var (mine, _) = await client.StartAsync(organization, "member");
        var (_, othersToken) = await client.StartAsync(organization, "viewer");

        var read = await client.GetAsync($"/v3/directline/conversations/{mine}/activities", othersToken);
        var post = await client.PostActivityAsync(mine, othersToken, DirectLineClient.Message("help", "sneaky"));

        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal("BadArgument", await DirectLineClient.ErrorCodeAsync(post));
    }

    [Fact]
    public async Task AConversationRouteWithoutATokenIsUnauthorized()
    {
        var organization = await TestOrganization.CreateAsync(host);
        using var client = new DirectLineClient(host);
        var (conversationId, _) = await client.StartAsync(organization, "member");

        var response = await client.GetAsync($"/v3/directline/conversations/{conversationId}/activities", credential: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task AnActivityOver256KilobytesIsRefusedWith413()
    {
        var organization = await TestOrganization.CreateAsync(host);
        using var client = new DirectLineClient(host);
        var (conversationId, token) = await client.StartAsync(organization, "member");

        var response = await client.PostActivityAsync(conversationId, token, DirectLineClient.Message(new string('x', 300 * 1024), "huge"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("MessageSizeTooBig", await DirectLineClient.ErrorCodeAsync(response));
    }

    [Fact]
    public async Task MalformedJsonIsABadRequestNotAServerError()
    {
        var organization = await TestOrganization.CreateAsync(host);
        using var client = new DirectLineClient(host);
        var (conversationId, token) = await client.StartAsync(organization, "member");

        var broken = await client.PostActivityAsync(conversationId, token, """{"type":"message","text":""");
        var typeless = await client.PostActivityAsync(conversationId, token, """{"text":"no type"}""");
        var badGenerate = await client.PostAsync("/v3/directline/tokens/generate", organization.SiteSecret, "{nope");

        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        Assert.Equal("BadArgument", await DirectLineClient.ErrorCodeAsync(broken));
        Assert.Equal(HttpStatusCode.BadRequest, typeless.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badGenerate.StatusCode);
    }

    [Fact]
    public async Task BrowsersMayCallDirectLineFromAnotherOrigin()
    {
        using var http = host.CreateClient();
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/v3/directline/conversations");
        preflight.Headers.Add("Origin", "https://intranet.example");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "authorization,content-type,x-ms-bot-agent");

        var response = await http.SendAsync(preflight);

        Assert.True(response.IsSuccessStatusCode);
        Assert.Equal("*", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
        var allowed = string.Join(",", response.Headers.GetValues("Access-Control-Allow-Headers"));
        Assert.Contains("x-ms-bot-agent", allowed, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Authorization", allowed, StringComparison.OrdinalIgnoreCase);
    }
}
