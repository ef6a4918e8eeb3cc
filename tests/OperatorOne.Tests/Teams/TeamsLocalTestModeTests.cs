using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.Teams;

/// <summary>
/// The default test host is Development with no Teams app id: /api/messages runs in local-test mode, taking unsigned
/// activities from loopback and answering only loopback service URLs, without a token.
/// </summary>
[Collection(BotCollection.Name)]
public sealed class TeamsLocalTestModeTests(BotHost host) : IAsyncLifetime
{
    private TeamsCloud? _cloud;

    public async ValueTask InitializeAsync() => _cloud = await TeamsCloud.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (_cloud is not null)
        {
            await _cloud.DisposeAsync();
        }
    }

    [Fact]
    public async Task UnsignedLoopbackActivityIsAnsweredWithoutAToken()
    {
        var tenant = await TeamsTenant.CreateAsync(host);
        var conversationId = $"a:1{Guid.NewGuid():N}";

        using var response = await PostAsync(Message(tenant, conversationId, _cloud!.ServiceUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = await _cloud.ExpectCallAsync(c => c.Path.Contains(Uri.EscapeDataString(conversationId), StringComparison.Ordinal), "a reply");
        Assert.Contains("what you can ask", reply.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("", reply.Authorization);
    }

    [Fact]
    public async Task TheDemoTenantIsConnectedSoALocalTeamsClientGetsAnswersOutOfTheBox()
    {
        // The ids README.md and manifests/teams/README.md document for ./run.sh.
        var demo = new TeamsTenant("0d3e7e00-0000-4000-8000-000000000001", null!,
            new Dictionary<string, string> { ["member"] = "0d3e7e00-0000-4000-8000-000000000013" });
        var conversationId = $"a:1{Guid.NewGuid():N}";

        using var response = await PostAsync(Message(demo, conversationId, _cloud!.ServiceUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = await _cloud.ExpectCallAsync(c => c.Path.Contains(Uri.EscapeDataString(conversationId), StringComparison.Ordinal), "a reply");
        // Recognised as Mia Member of the demo company, not as a guest.
        Assert.Contains("member", reply.Text, StringComparison.Ordinal);
        Assert.Contains("open a ticket", reply.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    // The ids and names of @microsoft/m365agentsplayground 0.2.28's built-in configuration (its default currentUser and users).
    [InlineData("00000000-0000-0000-0000-0000000000020", "Alex Wilber", "as member")]
    [InlineData("00000000-0000-0000-0000-0000000000021", "Megan Bowen", "as admin")]
    [InlineData("00000000-0000-0000-0000-0000000000022", "Adele Vance", "as owner")]
    [InlineData("00000000-0000-0000-0000-0000000000023", "Isaiah Langer", "as viewer")]
    public async Task TheAgentsPlaygroundWithItsDefaultsIsAnsweredAsTheMappedDemoMember(string aadObjectId, string name, string role)
    {
        // Its default tenant id is one digit longer than a GUID, exactly as the Playground ships it.
        var playground = new TeamsTenant("00000000-0000-0000-0000-0000000000001", null!, new Dictionary<string, string> { ["member"] = aadObjectId });
        var conversationId = $"personal-chat-{Guid.NewGuid():N}";
        var activity = Message(playground, conversationId, _cloud!.ServiceUrl);
        activity["from"] = new JsonObject { ["id"] = "user-id-0", ["name"] = name, ["aadObjectId"] = aadObjectId };

        using var response = await PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = await _cloud.ExpectCallAsync(c => c.Path.Contains(Uri.EscapeDataString(conversationId), StringComparison.Ordinal), "a reply");
        Assert.Contains(role, reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("isn't connected", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ActivityNamingAServiceUrlOffThisMachineIsRefused()
    {
        var tenant = await TeamsTenant.CreateAsync(host);

        using var response = await PostAsync(Message(tenant, $"a:1{Guid.NewGuid():N}", "https://smba.trafficmanager.net/emea/"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task AnActivityWhoseIdsAreLongerThanTheStoreKeepsIsABadRequestAndNotAnswered()
    {
        var tenant = await TeamsTenant.CreateAsync(host);
        // The delivery id is the conversation id and the activity id: past 300 characters the insert would answer 500.
        var conversationId = $"a:1{Guid.NewGuid():N}" + new string('x', 300);

        using var response = await PostAsync(Message(tenant, conversationId, _cloud!.ServiceUrl));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("at most 300", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var conversations = await host.InOrganizationAsync(tenant.Organization.Id, db => db.Conversations.CountAsync(c => c.ExternalId == conversationId));
        Assert.Equal(0, conversations);
    }

    private async Task<HttpResponseMessage> PostAsync(JsonObject activity)
    {
        using var http = host.CreateClient();
        return await http.PostAsync("/api/messages", new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"));
    }

    private static JsonObject Message(TeamsTenant tenant, string conversationId, string serviceUrl) => new()
    {
        ["type"] = "message",
        ["id"] = TeamsUser.NewActivityId(),
        ["serviceUrl"] = serviceUrl,
        ["channelId"] = "msteams",
        ["from"] = new JsonObject { ["id"] = "29:1local", ["name"] = "Mia", ["aadObjectId"] = tenant.AadObjectIds["member"] },
        ["recipient"] = new JsonObject { ["id"] = "28:local-bot", ["name"] = "OperatorOne" },
        ["conversation"] = new JsonObject { ["id"] = conversationId, ["conversationType"] = "personal", ["tenantId"] = tenant.TenantId },
        ["text"] = "help",
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = tenant.TenantId } },
    };
}
