using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using OperatorOne.Bot.Core.Activities;
using OperatorOne.Bot.Core.Approvals;
using OperatorOne.Bot.Core.Cards;
using OperatorOne.Bot.Core.Channels;
using OperatorOne.Channels.Teams;

namespace OperatorOne.Tests.Teams;

/// <summary>The pure parts of the Teams channel: options, modes, mapping, card rendering, connector outcomes.</summary>
public sealed class TeamsUnitTests
{
    [Fact]
    public void AppIdWithoutPasswordNamesTheMissingSetting()
    {
        var problems = TeamsOptions.Problems(new TeamsOptions { AppId = Guid.NewGuid().ToString() }).ToList();
        Assert.Contains(problems, p => p.StartsWith("Teams:AppPassword is required", StringComparison.Ordinal));
    }

    [Fact]
    public void PlainHttpMetadataIsRefusedUnlessLoopback()
    {
        Assert.Contains(TeamsOptions.Problems(new TeamsOptions { OpenIdMetadataUrl = "http://login.example.com/openid" }),
            p => p.StartsWith("Teams:OpenIdMetadataUrl", StringComparison.Ordinal));
        Assert.Empty(TeamsOptions.Problems(new TeamsOptions { OpenIdMetadataUrl = "http://127.0.0.1:5123/openid" }));
    }

    [Theory]
    [InlineData("", true, TeamsMode.LocalTest)]
    [InlineData("", false, TeamsMode.Off)]
    [InlineData("5b1f6c9e-2d47-4a8b-9c3e-7f0a1b2c3d4e", true, TeamsMode.Authenticated)]
    [InlineData("5b1f6c9e-2d47-4a8b-9c3e-7f0a1b2c3d4e", false, TeamsMode.Authenticated)]
    public void ModeFollowsAppIdAndEnvironment(string appId, bool development, TeamsMode expected) =>
        Assert.Equal(expected, TeamsModes.Resolve(new TeamsOptions { AppId = appId }, development));

    [Fact]
    public void SingleTenantBotsGetTokensFromTheirOwnTenant()
    {
        var tenant = Guid.NewGuid().ToString();
        Assert.Equal($"https://login.microsoftonline.com/{tenant}", new TeamsOptions { TenantId = tenant }.Authority);
        Assert.Equal("https://login.microsoftonline.com/botframework.com", new TeamsOptions().Authority);
    }

    [Theory]
    [InlineData("<at>OperatorOne</at> open a ticket", "open a ticket")]
    [InlineData("please <at id=\"0\">Operator One</at>  help", "please help")]
    [InlineData("help", "help")]
    public void MentionsAreStripped(string text, string expected) => Assert.Equal(expected, TeamsTurns.StripMentions(text));

    [Fact]
    public void InvokeDataBecomesTheActivityValueAndTheUserIsTheirEntraObject()
    {
        var approvalId = Guid.NewGuid();
        var activity = new Activity
        {
            Type = "invoke", Name = "adaptiveCard/action", Id = "f:1", ServiceUrl = "https://smba.trafficmanager.net/emea/", ChannelId = "msteams",
            From = new ChannelAccount { Id = "29:1abc", AadObjectId = "aad-1" },
            Conversation = new ConversationAccount { Id = "a:1xyz", ConversationType = "personal" },
            ChannelData = new JsonObject { ["tenant"] = new JsonObject { ["id"] = "tenant-1" } },
            Value = new JsonObject
            {
                ["action"] = new JsonObject
                {
                    ["type"] = "Action.Execute", ["verb"] = "approve",
                    ["data"] = new JsonObject { ["approvalId"] = approvalId.ToString(), ["decision"] = "approve" },
                },
            },
        };

        var turn = TeamsTurns.ToInboundTurn(activity)!;

        Assert.Equal(new ApprovalDecision(approvalId, true), ApprovalDecision.TryRead(turn.Activity.Value));
        Assert.Equal(("msteams", "a:1xyz|f:1", "tenant-1", "aad-1"), (turn.Channel, turn.DeliveryId, turn.InstallationId, turn.ChannelUserId));
        Assert.True(turn.IsPersonal);
        Assert.Equal("29:1abc", TeamsTurns.ToInboundTurn(activity with { From = new ChannelAccount { Id = "29:1abc" } })!.ChannelUserId);
        Assert.Null(TeamsTurns.ToInboundTurn(activity with { ChannelData = null }));
    }

    [Fact]
    public void ValuesOfTheWrongShapeWhereObjectsBelongAreNoTenantAndNoVerb()
    {
        // A signed activity is still the sender's JSON: found by the fuzz suite as a 500 on a clean clone.
        var activity = new Activity
        {
            Type = "invoke", Name = "adaptiveCard/action", Id = "f:2", ChannelId = "msteams",
            From = new ChannelAccount { Id = "29:1abc" }, Conversation = new ConversationAccount { Id = "a:1xyz" },
            ChannelData = new JsonObject { ["tenant"] = "tenant-1" },
            Value = new JsonObject { ["action"] = new JsonArray("approve") },
        };

        Assert.Null(TeamsTurns.TenantId(activity));
        Assert.Null(TeamsTurns.Verb(activity));
        Assert.Null(TeamsTurns.ToInboundTurn(activity));
        Assert.Null(TeamsTurns.Verb(activity with { Value = new JsonArray(1, 2) }));
        var withTenant = activity with { ChannelData = new JsonObject { ["tenant"] = new JsonObject { ["id"] = "tenant-1" } } };
        Assert.Null(TeamsTurns.ToInboundTurn(withTenant)!.Activity.Value);
    }

    [Fact]
    public void ApprovalSubmitButtonsBecomeUniversalActionsAndOtherButtonsStay()
    {
        var card = AdaptiveCard.Create([AdaptiveCard.Text("x")],
        [
            AdaptiveCard.Submit("Approve", new JsonObject { ["approvalId"] = Guid.NewGuid().ToString(), ["decision"] = "approve" }),
            AdaptiveCard.Submit("Reject", new JsonObject { ["approvalId"] = Guid.NewGuid().ToString(), ["decision"] = "reject" }),
            AdaptiveCard.Submit("Other", new JsonObject { ["choice"] = "1" }),
        ]);

        var rendered = TeamsCards.Render(card)["actions"]!.AsArray();

        Assert.Equal(("Action.Execute", "approve"), (rendered[0]!["type"]!.GetValue<string>(), rendered[0]!["verb"]!.GetValue<string>()));
        Assert.Equal(("Action.Execute", "reject"), (rendered[1]!["type"]!.GetValue<string>(), rendered[1]!["verb"]!.GetValue<string>()));
        Assert.Equal("Action.Submit", rendered[2]!["type"]!.GetValue<string>());
        Assert.Equal("Action.Submit", card["actions"]![0]!["type"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(429, "7", "retry")]
    [InlineData(503, null, "retry")]
    [InlineData(412, null, "retry")]
    [InlineData(403, null, "stale")]
    [InlineData(404, null, "stale")]
    [InlineData(400, null, "undeliverable")]
    [InlineData(201, null, "delivered")]
    public async Task ConnectorStatusesBecomeOutboxOutcomes(int status, string? retryAfter, string expected)
    {
        using var http = new HttpClient(new Answer(status, retryAfter));
        var connector = new TeamsConnector(http, new TeamsConnectorToken(Options.Create(new TeamsOptions()), new NoClients()), new TeamsChannelMode(TeamsMode.LocalTest));

        var result = await connector.SendAsync("http://127.0.0.1:9/connector/", "a:1", Activity.Message("hi"), CancellationToken.None);

        switch (expected)
        {
            case "retry":
                var retry = Assert.IsType<DeliveryResult.RetryLater>(result);
                Assert.Equal(retryAfter is null ? null : TimeSpan.FromSeconds(7), retry.After);
                break;
            case "stale":
                Assert.True(Assert.IsType<DeliveryResult.Undeliverable>(result).StaleConversation);
                break;
            case "undeliverable":
                Assert.False(Assert.IsType<DeliveryResult.Undeliverable>(result).StaleConversation);
                break;
            default:
                Assert.Equal("sent-1", Assert.IsType<DeliveryResult.Delivered>(result).ActivityId);
                break;
        }
    }

    [Fact]
    public async Task LocalTestModeNeverCallsAServiceUrlOffThisMachine()
    {
        using var http = new HttpClient(new Answer(200, null));
        var connector = new TeamsConnector(http, new TeamsConnectorToken(Options.Create(new TeamsOptions()), new NoClients()), new TeamsChannelMode(TeamsMode.LocalTest));

        var result = await connector.SendAsync("https://smba.trafficmanager.net/emea/", "a:1", Activity.Message("hi"), CancellationToken.None);

        Assert.IsType<DeliveryResult.Undeliverable>(result);
    }

    private sealed class Answer(int status, string? retryAfter) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = new HttpResponseMessage((HttpStatusCode)status)
            {
                Content = new StringContent(status < 300 ? """{"id":"sent-1"}""" : """{"error":{"code":"Throttled","message":"slow down"}}"""),
            };
            if (retryAfter is not null)
            {
                response.Headers.TryAddWithoutValidation("Retry-After", retryAfter);
            }
            return Task.FromResult(response);
        }
    }

    private sealed class NoClients : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => throw new InvalidOperationException("Local-test mode asks for no token.");
    }
}
