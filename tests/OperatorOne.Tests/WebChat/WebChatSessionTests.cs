using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
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
