using System.Net;
using System.Security.Cryptography;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.Teams;

/// <summary>Every forged or broken Bot Connector token is refused with 401 and leaves nothing behind.</summary>
[Collection(TeamsCollection.Name)]
public sealed class TeamsAuthenticationTests(TeamsBotHost host)
{
    public static TheoryData<string> ForgedTokens => new()
    {
        "missing", "not a jwt", "basic scheme", "expired", "wrong signature", "wrong audience", "wrong issuer",
        "wrong serviceurl claim", "key not endorsed for msteams", "unknown key id",
    };

    [Theory]
    [MemberData(nameof(ForgedTokens))]
    public async Task ForgedTokenIsRefusedAndNothingIsStored(string forgery)
    {
        var tenant = await TeamsTenant.CreateAsync(host.Bot);
        using var teams = new TeamsUser(host, tenant, "member");
        var activityId = TeamsUser.NewActivityId();
        var activity = teams.Payload("message-personal", new Dictionary<string, string> { ["text"] = "help", ["activityId"] = activityId });
        var cloud = host.Cloud;
        var serviceUrl = cloud.ServiceUrl;
        using var rogue = RSA.Create(2048);

        var response = forgery switch
        {
            "missing" => await teams.Post(activity, authorize: false),
            "not a jwt" => await teams.Post(activity, token: "definitely-not-a-token"),
            "basic scheme" => await PostWithSchemeAsync(activity, "Basic", cloud.Token(TeamsBotHost.AppId, serviceUrl)),
            "expired" => await teams.Post(activity, cloud.Token(TeamsBotHost.AppId, serviceUrl, expires: DateTime.UtcNow.AddMinutes(-10))),
            "wrong signature" => await teams.Post(activity, cloud.Token(TeamsBotHost.AppId, serviceUrl, signWith: rogue)),
            "wrong audience" => await teams.Post(activity, cloud.Token(Guid.NewGuid().ToString(), serviceUrl)),
            "wrong issuer" => await teams.Post(activity, cloud.Token(TeamsBotHost.AppId, serviceUrl, issuer: "https://sts.windows.net/evil/")),
            "wrong serviceurl claim" => await teams.Post(activity, cloud.Token(TeamsBotHost.AppId, "https://smba.trafficmanager.net/emea/")),
            "key not endorsed for msteams" => await teams.Post(activity, cloud.Token(TeamsBotHost.AppId, serviceUrl, keyId: TeamsCloud.WebChatOnlyKeyId)),
            "unknown key id" => await teams.Post(activity, cloud.Token(TeamsBotHost.AppId, serviceUrl, keyId: "rolled-key", signWith: rogue)),
            _ => throw new ArgumentOutOfRangeException(nameof(forgery)),
        };

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await host.Bot.SettledAsync(tenant.Organization.Id);
        Assert.Empty(teams.Calls);
        Assert.Equal(0, await DeliveriesAsync($"{teams.ConversationId}|{activityId}"));
        Assert.Equal(0, await host.Bot.InOrganizationAsync(tenant.Organization.Id, db => Task.FromResult(db.Conversations.Count())));

        async Task<HttpResponseMessage> PostWithSchemeAsync(System.Text.Json.Nodes.JsonObject body, string scheme, string token)
        {
            using var http = host.Bot.CreateClient();
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
            {
                Content = new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
            };
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue(scheme, token);
            return await http.SendAsync(request);
        }
    }

    [Fact]
    public async Task ValidTokenIsAcceptedAndTheReplyCarriesTheBotsOwnToken()
    {
        var tenant = await TeamsTenant.CreateAsync(host.Bot);
        using var teams = new TeamsUser(host, tenant, "member");

        await teams.Send("help");

        var reply = await teams.ExpectReply("what you can ask");
        Assert.StartsWith("Bearer connector-token-", reply.Authorization, StringComparison.Ordinal);
        Assert.Contains(host.Cloud.TokenRequests, r => r == $"botframework.com|{TeamsBotHost.AppId}|https://api.botframework.com/.default|client_credentials");
    }

    [Fact]
    public async Task TheFirstTokenSignedWithARolledOverKeyIsAccepted()
    {
        var tenant = await TeamsTenant.CreateAsync(host.Bot);
        using var teams = new TeamsUser(host, tenant, "member");
        await teams.Send("help");
        await teams.ExpectReply("what you can ask");
        var keyId = $"rolled-{Guid.NewGuid():N}";
        host.Cloud.RollOver(keyId);
        // Forced refetches are throttled to one a second; an earlier test may just have used it.
        host.Clock.Skip(TimeSpan.FromSeconds(1));

        var activity = teams.Payload("message-personal", new Dictionary<string, string> { ["text"] = "help" });
        using var response = await teams.Post(activity, host.Cloud.Token(TeamsBotHost.AppId, host.Cloud.ServiceUrl, keyId: keyId));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await teams.ExpectReply("what you can ask");
    }

    private async Task<long> DeliveriesAsync(string deliveryId) =>
        await TestPostgres.QueryAsAdminAsync(host.Bot.AdminConnectionString,
            $"SELECT count(*) FROM processed_deliveries WHERE channel = 'msteams' AND delivery_id = '{deliveryId.Replace("'", "''", StringComparison.Ordinal)}'",
            reader => reader.Read() ? reader.GetInt64(0) : 0);
}
