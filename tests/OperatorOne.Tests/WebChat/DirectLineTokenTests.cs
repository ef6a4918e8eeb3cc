using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using OperatorOne.Bot.Core.Security;
using OperatorOne.Channels.WebChat;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.WebChat;

[Collection(BotCollection.Name)]
public sealed class DirectLineTokenTests(BotHost host)
{
    [Fact]
    public async Task GeneratingWithTheSiteSecretReturnsATokenForANewConversationThatNamesTheUser()
    {
        var organization = await TestOrganization.CreateAsync(host);
        using var client = new DirectLineClient(host);

        var response = await client.PostAsync("/v3/directline/tokens/generate", organization.SiteSecret,
            new JsonObject { ["user"] = new JsonObject { ["id"] = organization.WebChatUserId("member"), ["name"] = "Mia" } }.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await DirectLineClient.JsonAsync(response);
        Assert.Equal(1800, body["expires_in"]!.GetValue<int>());
        Assert.False(string.IsNullOrEmpty(body["conversationId"]!.GetValue<string>()));
        // Web Chat decodes the token as a JWT and takes its user claim.
        var claims = Claims(body["token"]!.GetValue<string>());
        Assert.Equal(organization.WebChatUserId("member"), claims["user"]!.GetValue<string>());
        Assert.Equal(body["conversationId"]!.GetValue<string>(), claims["conv"]!.GetValue<string>());
    }

    [Fact]
    public async Task GeneratingWithoutANamedUserGivesAnAnonymousDirectLineUser()
    {
        var organization = await TestOrganization.CreateAsync(host);
        using var client = new DirectLineClient(host);

        var response = await client.PostAsync("/v3/directline/tokens/generate", organization.SiteSecret);

        var token = (await DirectLineClient.JsonAsync(response))["token"]!.GetValue<string>();
        Assert.StartsWith("dl_", Claims(token)["user"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GeneratingWithAWrongSecretIsForbidden()
    {
        var organization = await TestOrganization.CreateAsync(host);
        using var client = new DirectLineClient(host);

        var response = await client.PostAsync("/v3/directline/tokens/generate", organization.SiteId + ".not-the-secret");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("BadArgument", await DirectLineClient.ErrorCodeAsync(response));
    }

    [Fact]
    public async Task GeneratingWithoutASecretIsUnauthorized()
    {
        using var client = new DirectLineClient(host);

        var response = await client.PostAsync("/v3/directline/tokens/generate", credential: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Unauthorized", await DirectLineClient.ErrorCodeAsync(response));
    }

    [Fact]
    public async Task ATokenCannotGenerateMoreTokens()
    {
        var organization = await TestOrganization.CreateAsync(host);
        using var client = new DirectLineClient(host);
        var (_, token) = await client.GenerateAsync(organization, "member");

        var response = await client.PostAsync("/v3/directline/tokens/generate", token);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task RefreshingATokenGivesAFreshTokenForTheSameConversationAndUser()
    {
        var organization = await TestOrganization.CreateAsync(host);
        using var client = new DirectLineClient(host);
        var (conversationId, token) = await client.GenerateAsync(organization, "member");

        var response = await client.PostAsync("/v3/directline/tokens/refresh", token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await DirectLineClient.JsonAsync(response);
        Assert.Equal(conversationId, body["conversationId"]!.GetValue<string>());
        Assert.Equal(organization.WebChatUserId("member"), Claims(body["token"]!.GetValue<string>())["user"]!.GetValue<string>());
    }

    [Fact]
    public async Task AnExpiredTokenIsRefusedWithTokenExpired()
    {
        var organization = await TestOrganization.CreateAsync(host);
        using var client = new DirectLineClient(host);
        var (conversationId, _) = await client.GenerateAsync(organization, "member");
        var anHourAgo = new FixedClock(DateTimeOffset.UtcNow.AddHours(-1));
        var expired = new WebChatTokens(new SecretBox(Convert.FromBase64String(TestSecrets.MasterKey)), anHourAgo)
            .Issue(organization.SiteId, organization.Id, conversationId, organization.WebChatUserId("member"), null);

        var refresh = await client.PostAsync("/v3/directline/tokens/refresh", expired);
        var start = await client.PostAsync("/v3/directline/conversations", expired);

        Assert.Equal(HttpStatusCode.Forbidden, refresh.StatusCode);
        Assert.Equal("TokenExpired", await DirectLineClient.ErrorCodeAsync(refresh));
        Assert.Equal(HttpStatusCode.Forbidden, start.StatusCode);
        Assert.Equal("TokenExpired", await DirectLineClient.ErrorCodeAsync(start));
    }

    [Fact]
    public async Task ATokenWhoseClaimsWereEditedIsRefused()
    {
        var organization = await TestOrganization.CreateAsync(host);
        using var client = new DirectLineClient(host);
        var (_, token) = await client.GenerateAsync(organization, "viewer");
        var parts = token.Split('.');
        var claims = Claims(token);
        claims["user"] = organization.WebChatUserId("owner");
        var forged = $"{parts[0]}.{WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(claims.ToJsonString()))}.{parts[2]}";

        var response = await client.PostAsync("/v3/directline/conversations", forged);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("BadArgument", await DirectLineClient.ErrorCodeAsync(response));
    }

    private static JsonObject Claims(string token) =>
        JsonNode.Parse(WebEncoders.Base64UrlDecode(token.Split('.')[1]))!.AsObject();

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
