using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OperatorOne.Channels.WebChat;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.WebChat;

/// <summary>What a signed-in member's browser relies on: the same conversation after a reload, links it can open, an icon.</summary>
[Collection(BotCollection.Name)]
public sealed class WebChatSessionTests(BotHost host)
{
    [Fact]
    public async Task SigningInAgainGoesOnWithTheMembersConversationAndItsHistory()
    {
        var org = await TestOrganization.CreateAsync(host);
        var key = host.Services.GetRequiredService<WebChatMemberKeys>().Issue(org.Id, org.SiteId, org.WebChatUserId("member"));
        using var dl = new DirectLineClient(host);

        var (first, token) = await SignInAsync(dl, key);
        using var started = await dl.PostAsync("/v3/directline/conversations", token);
        var (second, again) = await SignInAsync(dl, key);
        using var resumed = await dl.PostAsync("/v3/directline/conversations", again);
        var history = (await dl.ActivitiesAsync(second, again))["activities"]!.AsArray();

        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        Assert.Equal(first, second);
        // Not started again: no second welcome, and the first one is still there.
        Assert.Equal(HttpStatusCode.OK, resumed.StatusCode);
        Assert.Single(history, a => a?["text"]?.GetValue<string>()?.StartsWith("Hi ", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task AnApproverSigningInAgainIsNotSentTheWaitingRequestsAgainAndGotThemInTheOrderAsked()
    {
        var org = await TestOrganization.CreateAsync(host);
        using var member = await Chat.StartAsync(host, org, "member");
        for (var n = 1; n <= 3; n++)
        {
            await member.Send($"open a ticket: printer number {n} is jammed");
            await member.ExpectReply($"#{n}");
        }
        for (var n = 1; n <= 3; n++)
        {
            await member.Send($"delete ticket {n}");
            await member.ExpectReply("needs approval");
        }
        var key = host.Services.GetRequiredService<WebChatMemberKeys>().Issue(org.Id, org.SiteId, org.WebChatUserId("admin"));
        using var dl = new DirectLineClient(host);

        var (conversationId, token) = await SignInAsync(dl, key);
        using var started = await dl.PostAsync("/v3/directline/conversations", token);
        var cards = await CardsAsync(dl, conversationId, token, 3);
        var (again, againToken) = await SignInAsync(dl, key);
        using var resumed = await dl.PostAsync("/v3/directline/conversations", againToken);
        // The welcome turn writes the cards it sends in its own transaction: after the answer, any second copy would be there.
        var copies = await host.InOrganizationAsync(org.Id, db => db.ApprovalCardCopies
            .Where(c => db.Conversations.Any(v => v.Id == c.ConversationId && v.MemberId == org.Members["admin"])).CountAsync());

        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        Assert.Equal(HttpStatusCode.OK, resumed.StatusCode);
        Assert.Equal(conversationId, again);
        Assert.Equal(3, copies);
        Assert.Equal(new[] { "Delete ticket #1", "Delete ticket #2", "Delete ticket #3" }, cards.Select(c => System.Text.RegularExpressions.Regex.Match(c, @"Delete ticket #\d+").Value));
    }

    /// <summary>The texts of the first <paramref name="count"/> approval cards in the conversation, in the order shown, read until they are all there.</summary>
    private static async Task<List<string>> CardsAsync(DirectLineClient dl, string conversationId, string token, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var cards = (await dl.ActivitiesAsync(conversationId, token))["activities"]!.AsArray()
                .Select(a => a?["text"]?.GetValue<string>() ?? "")
                .Where(t => t.StartsWith("Approval needed:", StringComparison.Ordinal))
                .ToList();
            if (cards.Count >= count)
            {
                return cards;
            }
            Assert.True(DateTime.UtcNow < deadline, $"{cards.Count} of {count} approval cards within 60 s.");
            await Task.Delay(250);
        }
    }

    [Fact]
    public async Task AnotherMemberOfTheSameOrganizationGetsAConversationOfTheirOwn()
    {
        var org = await TestOrganization.CreateAsync(host);
        var keys = host.Services.GetRequiredService<WebChatMemberKeys>();
        using var dl = new DirectLineClient(host);
        var (memberConversation, token) = await SignInAsync(dl, keys.Issue(org.Id, org.SiteId, org.WebChatUserId("member")));
        using var started = await dl.PostAsync("/v3/directline/conversations", token);

        var (adminConversation, _) = await SignInAsync(dl, keys.Issue(org.Id, org.SiteId, org.WebChatUserId("admin")));

        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        Assert.NotEqual(memberConversation, adminConversation);
    }

    [Fact]
    public async Task ADocumentLinkReachesWebChatAbsoluteAndDownloadsTheFile()
    {
        var org = await TestOrganization.CreateAsync(host);
        using var dl = new DirectLineClient(host);
        var (conversationId, token) = await dl.StartAsync(org, "member");
        var content = $"minutes of the meeting {Guid.NewGuid():N}";

        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(content));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        form.Add(file, "file", "minutes.txt");
        using var upload = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/upload?userId=x") { Content = form };
        upload.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var http = host.CreateClient();
        using var posted = await http.SendAsync(upload);
        posted.EnsureSuccessStatusCode();
        var id = (await DirectLineClient.JsonAsync(posted))["id"]!.GetValue<string>();
        var saved = await ReplyAsync(dl, conversationId, token, id);
        var link = System.Text.RegularExpressions.Regex.Match(saved, @"\]\((?<url>[^)]+)\)").Groups["url"].Value;
        using var download = await http.GetAsync(link);

        Assert.StartsWith($"{host.BaseAddress.AbsoluteUri.TrimEnd('/')}/documents/", link, StringComparison.Ordinal);
        Assert.Equal(content, await download.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TheSiteHasAFavicon()
    {
        using var http = host.CreateClient();
        using var icon = await http.GetAsync("/favicon.ico");
        var bytes = await icon.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, icon.StatusCode);
        Assert.Equal("image/x-icon", icon.Content.Headers.ContentType?.MediaType);
        // An ICO header: reserved 0, type 1 (icon), at least one image.
        Assert.Equal(new byte[] { 0, 0, 1, 0 }, bytes[..4]);
    }

    [Fact]
    public async Task ASignInNamesTheZoneThePageStampsMessagesIn()
    {
        var org = await TestOrganization.CreateAsync(host);
        await host.InOrganizationAsync(org.Id, async db =>
        {
            await db.Organizations.Where(o => o.Id == org.Id).ExecuteUpdateAsync(o => o.SetProperty(x => x.TimeZone, "Pacific/Auckland"));
            // A zone stored by its Windows name reaches the browser by the IANA name its Intl knows.
            return await db.Members.Where(m => m.Id == org.Members["admin"]).ExecuteUpdateAsync(m => m.SetProperty(x => x.TimeZone, "Tokyo Standard Time"));
        });
        var keys = host.Services.GetRequiredService<WebChatMemberKeys>();
        using var dl = new DirectLineClient(host);

        var own = await ZoneAsync(dl, keys.Issue(org.Id, org.SiteId, org.WebChatUserId("admin")));
        var organizations = await ZoneAsync(dl, keys.Issue(org.Id, org.SiteId, org.WebChatUserId("member")));

        Assert.Equal("Asia/Tokyo", own);
        Assert.Equal("Pacific/Auckland", organizations);
    }

    private static async Task<string> ZoneAsync(DirectLineClient dl, string key)
    {
        using var response = await dl.PostAsync("/webchat/session/token", null, new JsonObject { ["key"] = key }.ToJsonString());
        response.EnsureSuccessStatusCode();
        return (await DirectLineClient.JsonAsync(response))["timeZone"]!.GetValue<string>();
    }

    /// <summary>The bot's answer to <paramref name="activityId"/>, read until it shows up (a slow turn answers later).</summary>
    private static async Task<string> ReplyAsync(DirectLineClient dl, string conversationId, string token, string activityId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var activities = (await dl.ActivitiesAsync(conversationId, token))["activities"]!.AsArray();
            if (activities.FirstOrDefault(a => a?["replyToId"]?.GetValue<string>() == activityId && a["type"]?.GetValue<string>() == "message") is { } reply)
            {
                return reply["text"]!.GetValue<string>();
            }
            Assert.True(DateTime.UtcNow < deadline, $"No answer to {activityId} within 60 s.");
            await Task.Delay(250);
        }
    }

    private static async Task<(string ConversationId, string Token)> SignInAsync(DirectLineClient dl, string key)
    {
        using var response = await dl.PostAsync("/webchat/session/token", null, new JsonObject { ["key"] = key }.ToJsonString());
        response.EnsureSuccessStatusCode();
        var body = await DirectLineClient.JsonAsync(response);
        return (body["conversationId"]!.GetValue<string>(), body["token"]!.GetValue<string>());
    }
}
