using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using OperatorOne.Bot.Hosting;
using OperatorOne.Data.Channels;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.Slack;

/// <summary>
/// Slack:BotToken + Slack:TeamId and nothing else: the workspace is connected at start to the only organization
/// (here the demo company) and served with the configured token, no OAuth install needed. Its own host.
/// </summary>
[Collection(SlackCollection.Name)]
public sealed class SlackSingleWorkspaceTests : IAsyncLifetime
{
    private const string TeamId = "TSOLO0001";
    private const string SigningSecret = "single-workspace-signing-secret";
    private const string BotToken = "xoxb-single-workspace-token";
    private readonly BotHost _host = new();
    private readonly SlackStandIn _slack = new();

    public async Task InitializeAsync()
    {
        await _slack.StartAsync();
        _host.Settings["Slack:SigningSecret"] = SigningSecret;
        _host.Settings["Slack:BotToken"] = BotToken;
        _host.Settings["Slack:TeamId"] = TeamId;
        _host.Settings["Slack:ApiBaseUrl"] = _slack.ApiBaseUrl.ToString();
        await _host.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _slack.DisposeAsync();
    }

    [Fact]
    public async Task AConfiguredWorkspaceIsConnectedToTheOnlyOrganizationAndAnsweredWithTheConfiguredToken()
    {
        var installation = await WaitForInstallationAsync();
        Assert.Equal(DemoSeed.OrganizationId, installation.OrganizationId);
        Assert.Null(installation.SecretCipher);

        var envelope = new JsonObject
        {
            ["type"] = "event_callback", ["team_id"] = TeamId, ["api_app_id"] = "A0TEST", ["event_id"] = $"Ev{Guid.NewGuid():N}",
            ["event"] = new JsonObject
            {
                ["type"] = "message", ["channel_type"] = "im", ["channel"] = "DSOLO0001", ["user"] = "USOLO0001", ["text"] = "help",
                ["ts"] = $"{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}.000100",
            },
        };
        var response = await PostSignedEventAsync(envelope);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = (await _slack.WaitForAsync(c => c.Method == "chat.postMessage" && c.Arguments["channel"]?.ToString() == "DSOLO0001")).First();
        Assert.Equal(BotToken, reply.Token);
    }

    private async Task<ChannelInstallation> WaitForInstallationAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var installation = await _host.InOrganizationAsync(DemoSeed.OrganizationId,
                db => db.ChannelInstallations.AsNoTracking().SingleOrDefaultAsync(i => i.Channel == "slack" && i.ExternalId == TeamId));
            if (installation is not null)
            {
                return installation;
            }
            Assert.True(DateTime.UtcNow < deadline, "The configured Slack workspace was not connected at start.");
            await Task.Delay(100);
        }
    }

    private async Task<HttpResponseMessage> PostSignedEventAsync(JsonObject envelope)
    {
        using var http = _host.CreateClient();
        var body = Encoding.UTF8.GetBytes(envelope.ToJsonString());
        var timestamp = SlackSigner.Now();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/slack/events") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json");
        request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
        request.Headers.Add("X-Slack-Signature", SlackSigner.Sign(SigningSecret, timestamp, body));
        return await http.SendAsync(request);
    }
}
