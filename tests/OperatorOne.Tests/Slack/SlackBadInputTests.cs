using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.Slack;

/// <summary>Every malformed, unsigned or foreign request is refused with a 4xx, and nothing is processed or stored.</summary>
[Collection(SlackCollection.Name)]
public sealed class SlackBadInputTests(SlackFixture fixture)
{
    private async Task AssertNothingStoredAsync(SlackWorkspace workspace)
    {
        await fixture.Host.SettledAsync(workspace.Organization.Id);
        var stored = await fixture.Host.InOrganizationAsync(workspace.Organization.Id, async db => (
            await db.Conversations.CountAsync(c => c.Channel == "slack"), await db.TranscriptMessages.CountAsync(), await db.AcceptedTurns.CountAsync()));
        Assert.Equal((0, 0, 0), stored);
        Assert.DoesNotContain(fixture.Slack.Calls, c => c.Arguments["channel"]?.ToString()?.Contains(workspace.TeamId[1..], StringComparison.Ordinal) == true);
    }

    private static byte[] Json(JsonObject envelope) => Encoding.UTF8.GetBytes(envelope.ToJsonString());

    [Fact]
    public async Task AnUnsignedEventIsRefused()
    {
        using var workspace = await SlackWorkspace.CreateAsync(fixture);
        using var http = fixture.Host.CreateClient();

        var response = await http.PostAsync("/api/slack/events", new StringContent(workspace.DmEnvelope("admin", "help").ToJsonString(), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await AssertNothingStoredAsync(workspace);
    }

    [Fact]
    public async Task AWrongSignatureIsRefused()
    {
        using var workspace = await SlackWorkspace.CreateAsync(fixture);

        var response = await workspace.PostSignedAsync("/api/slack/events", Json(workspace.DmEnvelope("admin", "help")), "application/json", secret: "not-the-secret");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await AssertNothingStoredAsync(workspace);
    }

    [Fact]
    public async Task ASignatureOverADifferentBodyIsRefused()
    {
        using var workspace = await SlackWorkspace.CreateAsync(fixture);
        var signedFor = Json(workspace.DmEnvelope("admin", "hello"));
        var sent = Json(workspace.DmEnvelope("owner", "help"));

        var response = await workspace.PostSignedAsync("/api/slack/events", signedFor, "application/json",
            tamper: request => request.Content = new ByteArrayContent(sent) { Headers = { ContentType = new("application/json") } });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await AssertNothingStoredAsync(workspace);
    }

    [Fact]
    public async Task ATimestampSixMinutesOldIsRefused()
    {
        using var workspace = await SlackWorkspace.CreateAsync(fixture);

        var response = await workspace.PostSignedAsync("/api/slack/events", Json(workspace.DmEnvelope("admin", "help")), "application/json",
            timestamp: SlackSigner.Now(TimeSpan.FromMinutes(-6)));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await AssertNothingStoredAsync(workspace);
    }

    [Theory]
    [InlineData("/api/slack/events", "{not json", "application/json")]
    [InlineData("/api/slack/events", "{\"type\":\"event_callback\",\"event\":{\"type\":\"message\"}}", "application/json")]
    [InlineData("/api/slack/interactions", "payload=%7Bbroken", "application/x-www-form-urlencoded")]
    [InlineData("/api/slack/interactions", "nothing=here", "application/x-www-form-urlencoded")]
    [InlineData("/api/slack/commands", "command=%2Fop1&text=help", "application/x-www-form-urlencoded")]
    public async Task ASignedButMalformedPayloadIsABadRequest(string path, string body, string contentType)
    {
        using var workspace = await SlackWorkspace.CreateAsync(fixture);

        var response = await workspace.PostSignedAsync(path, Encoding.UTF8.GetBytes(body), contentType);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("1", response.Headers.GetValues("X-Slack-No-Retry").Single());
        await AssertNothingStoredAsync(workspace);
    }

    [Theory]
    [InlineData("NUL", "\\u0000")]
    [InlineData("lone surrogate", "\\ud800")]
    public async Task ASignedEventWithTextNoStringMayHoldIsABadRequest(string reason, string escape)
    {
        using var workspace = await SlackWorkspace.CreateAsync(fixture);
        var json = workspace.DmEnvelope("member", "printer jammed").ToJsonString().Replace("printer jammed", $"printer{escape}jammed", StringComparison.Ordinal);

        var response = await workspace.PostSignedAsync("/api/slack/events", Encoding.UTF8.GetBytes(json), "application/json");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("1", response.Headers.GetValues("X-Slack-No-Retry").Single());
        Assert.Contains(reason, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await AssertNothingStoredAsync(workspace);
    }

    [Fact]
    public async Task ASignedEventWhoseIdIsLongerThanTheStoreKeepsIsABadRequest()
    {
        // The fuzzer found it: an event_id past processed_deliveries' 300 characters reached the insert and answered 500.
        using var workspace = await SlackWorkspace.CreateAsync(fixture);
        var envelope = workspace.DmEnvelope("member", "help", eventId: "Ev" + new string('7', 299));

        var response = await workspace.PostSignedAsync("/api/slack/events", Json(envelope), "application/json");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("at most 300", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await AssertNothingStoredAsync(workspace);
    }

    [Fact]
    public async Task ASignedEventNamingItsChannelTwiceIsABadRequest()
    {
        using var workspace = await SlackWorkspace.CreateAsync(fixture);
        var channel = workspace.DmChannel("member");
        var json = workspace.DmEnvelope("member", "help").ToJsonString()
            .Replace($"\"channel\":\"{channel}\"", $"\"channel\":\"{channel}\",\"channel\":\"C0OTHER\"", StringComparison.Ordinal);
        Assert.Contains("C0OTHER", json, StringComparison.Ordinal);

        var response = await workspace.PostSignedAsync("/api/slack/events", Encoding.UTF8.GetBytes(json), "application/json");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("twice", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await AssertNothingStoredAsync(workspace);
    }

    [Theory]
    [InlineData("/api/slack/events", "application/json")]
    [InlineData("/api/slack/commands", "application/x-www-form-urlencoded")]
    public async Task ASignedBodyThatIsNotUtf8IsABadRequest(string path, string contentType)
    {
        using var workspace = await SlackWorkspace.CreateAsync(fixture);
        var body = contentType == "application/json"
            ? Encoding.UTF8.GetBytes(workspace.DmEnvelope("member", "caf__").ToJsonString())
            : Encoding.UTF8.GetBytes("command=%2Fop1&text=caf__&team_id=" + workspace.TeamId);
        var at = Array.IndexOf(body, (byte)'_');
        body[at] = 0xC3;
        body[at + 1] = 0x28;

        var response = await workspace.PostSignedAsync(path, body, contentType);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("UTF-8", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await AssertNothingStoredAsync(workspace);
    }

    [Fact]
    public async Task ASignedCommandWhoseTextDecodesToANulIsABadRequest()
    {
        using var workspace = await SlackWorkspace.CreateAsync(fixture);

        var response = await workspace.PostSignedAsync("/api/slack/commands",
            Encoding.UTF8.GetBytes($"command=%2Fop1&text=open%00ticket&team_id={workspace.TeamId}"), "application/x-www-form-urlencoded");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("NUL", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await AssertNothingStoredAsync(workspace);
    }

    [Fact]
    public async Task ACommandFromAnUnknownWorkspaceIsRefused()
    {
        using var workspace = await SlackWorkspace.CreateAsync(fixture);
        var body = SlackWorkspace.Form(new()
        {
            ["team_id"] = "TUNKNOWN0", ["channel_id"] = "CUNKNOWN0", ["user_id"] = "UUNKNOWN0", ["command"] = "/op1", ["text"] = "help",
            ["response_url"] = fixture.Slack.ResponseUrl("unknown").ToString(), ["trigger_id"] = $"{Guid.NewGuid():N}",
        });

        var response = await workspace.PostSignedAsync("/api/slack/commands", body, "application/x-www-form-urlencoded");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await AssertNothingStoredAsync(workspace);
    }

    [Fact]
    public async Task AClickFromAnUnknownWorkspaceIsRefused()
    {
        using var workspace = await SlackWorkspace.CreateAsync(fixture);
        var payload = new JsonObject
        {
            ["type"] = "block_actions",
            ["user"] = new JsonObject { ["id"] = "UUNKNOWN0", ["team_id"] = "TUNKNOWN0" },
            ["team"] = new JsonObject { ["id"] = "TUNKNOWN0" },
            ["channel"] = new JsonObject { ["id"] = "DUNKNOWN0" },
            ["trigger_id"] = $"{Guid.NewGuid():N}",
            ["actions"] = new JsonArray(new JsonObject { ["type"] = "button", ["value"] = "{\"approvalId\":\"x\",\"decision\":\"approve\"}" }),
        };

        var response = await workspace.PostSignedAsync("/api/slack/interactions", SlackWorkspace.Form(new() { ["payload"] = payload.ToJsonString() }),
            "application/x-www-form-urlencoded");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await AssertNothingStoredAsync(workspace);
    }

    [Theory]
    [InlineData("/api/slack/interactions", "application/x-www-form-urlencoded")]
    [InlineData("/api/slack/commands", "application/x-www-form-urlencoded")]
    public async Task UnsignedInteractionsAndCommandsAreRefused(string path, string contentType)
    {
        using var workspace = await SlackWorkspace.CreateAsync(fixture);
        using var http = fixture.Host.CreateClient();

        var response = await http.PostAsync(path, new StringContent("team_id=" + workspace.TeamId, Encoding.UTF8, contentType));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await AssertNothingStoredAsync(workspace);
    }

    [Fact]
    public async Task AnEventFromAnUnknownWorkspaceIsRefused()
    {
        using var workspace = await SlackWorkspace.CreateAsync(fixture);
        var envelope = workspace.DmEnvelope("admin", "help");
        envelope["team_id"] = "TUNKNOWN0";

        var response = await workspace.PostEventAsync(envelope);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await AssertNothingStoredAsync(workspace);
    }

    [Fact]
    public async Task AnOversizedBodyIsRefusedBeforeItIsParsed()
    {
        using var workspace = await SlackWorkspace.CreateAsync(fixture);
        var envelope = workspace.DmEnvelope("admin", "help");
        envelope["padding"] = new string('x', 1024 * 1024);

        var response = await workspace.PostEventAsync(envelope);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        await AssertNothingStoredAsync(workspace);
    }

    [Fact]
    public async Task AnSslCheckIsAnsweredAndNothingElse()
    {
        using var workspace = await SlackWorkspace.CreateAsync(fixture);

        var response = await workspace.PostSignedAsync("/api/slack/commands", Encoding.UTF8.GetBytes("ssl_check=1&token=x"), "application/x-www-form-urlencoded");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await AssertNothingStoredAsync(workspace);
    }
}
