using System.Net;
using System.Net.WebSockets;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using OperatorOne.Tests.Voice;

namespace OperatorOne.Tests.VoiceMedia;

/// <summary>What the stream refuses: unsigned upgrades before the handshake, and protocol breaches by closing with a status.</summary>
[Collection(VoiceCollection.Name)]
public sealed class MediaStreamBadInputTests(VoiceFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Theory]
    [InlineData(null)]
    [InlineData("bm90IHRoZSBzaWduYXR1cmU=")]
    public async Task AnUnsignedOrWronglySignedUpgradeIsRefusedWith403(string? signature)
    {
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        if (signature is not null)
        {
            socket.Options.SetRequestHeader("X-Twilio-Signature", signature);
        }

        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(MediaStreamClient.LocalUrl(fixture.Host.BaseAddress), CancellationToken.None));

        Assert.Equal(HttpStatusCode.Forbidden, socket.HttpStatusCode);
    }

    [Fact]
    public async Task AnInvalidBrowserTokenIsRefusedWith401AndAPlainGetWith400()
    {
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        await Assert.ThrowsAsync<WebSocketException>(() =>
            socket.ConnectAsync(MediaStreamClient.LocalUrl(fixture.Host.BaseAddress, "?t=eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.e30.AAAA"), CancellationToken.None));
        Assert.Equal(HttpStatusCode.Unauthorized, socket.HttpStatusCode);

        using var http = fixture.Host.CreateClient();
        var plain = await http.GetAsync(MediaStreamClient.StreamPath);
        Assert.Equal(HttpStatusCode.BadRequest, plain.StatusCode);
    }

    [Theory]
    [InlineData("not json at all", WebSocketCloseStatus.InvalidPayloadData)]
    [InlineData("""{"event":"teleport","streamSid":"MZ1"}""", WebSocketCloseStatus.InvalidPayloadData)]
    [InlineData("""{"event":"media","streamSid":"MZ1","media":{"payload":"//////8="}}""", WebSocketCloseStatus.PolicyViolation)]
    [InlineData("""{"event":"mark","streamSid":"MZ1","mark":{"name":"x"}}""", WebSocketCloseStatus.PolicyViolation)]
    [InlineData("""{"event":"start","start":{"streamSid":"MZ1","callSid":"CA1","customParameters":{"To":"+15550000000","From":"+15550000001"}}}""", WebSocketCloseStatus.PolicyViolation)]
    public async Task AProtocolBreachClosesTheStreamWithAStatusSayingWhy(string message, WebSocketCloseStatus expected)
    {
        await using var stream = await MediaStreamClient.ConnectSignedAsync(fixture.Host.BaseAddress);

        await stream.SendTextAsync(message);

        Assert.Equal(expected, await stream.ClosedAsync(Patience));
        Assert.False(string.IsNullOrEmpty(stream.CloseDescription));
    }

    [Fact]
    public async Task AnOversizedMessageClosesTheStreamAndNothingOfTheCallIsProcessed()
    {
        using var call = await PhoneCall.CreateAsync(fixture);
        await using var stream = await MediaStreamClient.ConnectSignedAsync(fixture.Host.BaseAddress);

        await stream.SendAsync(new JsonObject { ["event"] = "media", ["streamSid"] = stream.StreamSid, ["media"] = new JsonObject { ["payload"] = new string('A', 40_000) } });

        Assert.Equal(WebSocketCloseStatus.MessageTooBig, await stream.ClosedAsync(Patience));
        var conversations = await fixture.Host.InOrganizationAsync(call.Organization.Id, db => db.Conversations.CountAsync(c => c.ExternalId == call.CallSid));
        Assert.Equal(0, conversations);
    }

    [Fact]
    public async Task MediaBeforeStartClosesTheStreamBeforeAnyTurnRuns()
    {
        using var call = await PhoneCall.CreateAsync(fixture);
        await using var stream = await MediaStreamClient.ConnectSignedAsync(fixture.Host.BaseAddress);

        await stream.SendFrameAsync(new byte[MediaStreamClient.FrameBytes]);
        try
        {
            await stream.StartAsync(call);
        }
        catch (WebSocketException)
        {
            // The bot may close the stream before this start is sent; a start it never reads cannot start a turn either.
        }

        Assert.Equal(WebSocketCloseStatus.PolicyViolation, await stream.ClosedAsync(Patience));
        var conversations = await fixture.Host.InOrganizationAsync(call.Organization.Id, db => db.Conversations.CountAsync(c => c.ExternalId == call.CallSid));
        Assert.Equal(0, conversations);
    }
}
