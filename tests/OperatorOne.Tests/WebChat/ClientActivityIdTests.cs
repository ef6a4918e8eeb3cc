using System.Net;
using System.Text.Json.Nodes;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.WebChat;

/// <summary>A posted or uploaded activity's client id: the Direct Line log keys entries by it, so it is checked first.</summary>
[Collection(BotCollection.Name)]
public sealed class ClientActivityIdTests(BotHost host)
{
    [Theory]
    [InlineData("clientActivityID", "op-12", false)]
    [InlineData("clientActivityId", "op-7", false)]
    [InlineData("clientActivityID", "op-3", true)]
    [InlineData("clientActivityId", "op-44", true)]
    public async Task AClientIdShapedLikeTheOutboxsKeyIsRefusedForPostsAndUploads(string spelling, string clientId, bool upload)
    {
        var organization = await TestOrganization.CreateAsync(host);
        using var client = new DirectLineClient(host);
        var (conversationId, token) = await client.StartAsync(organization, "member");
        var activity = new JsonObject
        {
            ["type"] = "message",
            ["text"] = "taking the bot's place",
            ["channelData"] = new JsonObject { [spelling] = clientId },
        };

        var response = upload
            ? await UploadAsync(client, conversationId, token, activity)
            : await client.PostActivityAsync(conversationId, token, activity.ToJsonString());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await DirectLineClient.JsonAsync(response))["error"]!;
        Assert.Equal("BadArgument", error["code"]!.GetValue<string>());
        Assert.Contains("\"op-\" followed by digits", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        var logged = (await client.ActivitiesAsync(conversationId, token))["activities"]!.AsArray();
        Assert.DoesNotContain(logged, a => a!["text"]?.GetValue<string>() == "taking the bot's place");
    }

    /// <summary>
    /// Channel data is parsed only when read, so an unpaired surrogate escape in an upload's client id used to throw
    /// inside the endpoint (a 500, found by the fuzz test): it is refused as bad text instead, like a post's.
    /// </summary>
    [Theory]
    [InlineData("clientActivityID", false)]
    [InlineData("clientActivityId", false)]
    [InlineData("clientActivityID", true)]
    public async Task AClientIdThatIsNotValidTextIsRefusedForPostsAndUploads(string spelling, bool upload)
    {
        var organization = await TestOrganization.CreateAsync(host);
        using var client = new DirectLineClient(host);
        var (conversationId, token) = await client.StartAsync(organization, "member");
        var body = """{"type":"message","text":"an unpaired surrogate","channelData":{"SPELLING":"ab\udfff"}}""".Replace("SPELLING", spelling, StringComparison.Ordinal);

        var response = upload
            ? await UploadAsync(client, conversationId, token, body)
            : await client.PostActivityAsync(conversationId, token, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await DirectLineClient.JsonAsync(response))["error"]!;
        Assert.Equal("BadArgument", error["code"]!.GetValue<string>());
        // A post's body is checked whole by the input guard; an upload's activity part here.
        Assert.Contains(upload ? $"channelData.{spelling} is not valid text" : "lone surrogate escape", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        var logged = (await client.ActivitiesAsync(conversationId, token))["activities"]!.AsArray();
        Assert.DoesNotContain(logged, a => a!["text"]?.GetValue<string>() == "an unpaired surrogate");
    }

    [Theory]
    [InlineData("op-")]
    [InlineData("op-12a")]
    [InlineData("OP-12")]
    [InlineData("shop-12")]
    public async Task AClientIdThatOnlyLooksSimilarIsAccepted(string clientId)
    {
        var organization = await TestOrganization.CreateAsync(host);
        using var client = new DirectLineClient(host);
        var (conversationId, token) = await client.StartAsync(organization, "member");

        var response = await client.PostActivityAsync(conversationId, token, DirectLineClient.Message("hi", clientId));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>What Web Chat's attach button sends: the activity part, then a file.</summary>
    private static Task<HttpResponseMessage> UploadAsync(DirectLineClient client, string conversationId, string token, JsonObject activity) =>
        UploadAsync(client, conversationId, token, activity.ToJsonString());

    private static async Task<HttpResponseMessage> UploadAsync(DirectLineClient client, string conversationId, string token, string activity)
    {
        using var form = new MultipartFormDataContent();
        var part = new StringContent(activity);
        part.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/vnd.microsoft.activity");
        form.Add(part, "activity", "blob");
        form.Add(new StringContent("notes"), "file", "notes.txt");
        return await client.SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/upload?userId=x", token, form);
    }
}
