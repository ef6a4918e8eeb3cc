using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using OperatorOne.Tests.Voice;

namespace OperatorOne.Tests.VoiceMedia;

/// <summary>
/// Plays Twilio's side of a bidirectional Media Stream over a real WebSocket: a signed upgrade, connected, start,
/// media frames in real time (20 ms each); it collects the bot's media and echoes each mark as playback would.
/// </summary>
public sealed class MediaStreamClient : IAsyncDisposable
{
    public const string StreamPath = "/api/voice/twilio/stream";
    public const int FrameBytes = 160;

    private readonly ClientWebSocket _socket = new();
    private readonly Channel<JsonObject> _received = Channel.CreateUnbounded<JsonObject>();
    private Task? _reading;

    public string StreamSid { get; } = "MZ" + Guid.NewGuid().ToString("N");
    public WebSocketCloseStatus? CloseStatus => _socket.CloseStatus;
    public string? CloseDescription => _socket.CloseStatusDescription;

    /// <summary>The public URL Twilio connects to and signs.</summary>
    public static string SignedUrl => new Uri(VoiceFixture.PublicBaseUrl, StreamPath).AbsoluteUri.Replace("https://", "wss://", StringComparison.Ordinal);

    public static Uri LocalUrl(Uri baseAddress, string? query = null) =>
        new(new Uri(baseAddress.AbsoluteUri.Replace("http://", "ws://", StringComparison.Ordinal)), StreamPath + query);

    public static async Task<MediaStreamClient> ConnectSignedAsync(Uri baseAddress)
    {
        var client = new MediaStreamClient();
        client._socket.Options.SetRequestHeader("X-Twilio-Signature", TwilioSigner.Sign(VoiceFixture.AuthToken, SignedUrl, []));
        await client.ConnectAsync(LocalUrl(baseAddress));
        return client;
    }

    public static async Task<MediaStreamClient> ConnectWithTokenAsync(Uri baseAddress, string token)
    {
        var client = new MediaStreamClient();
        await client.ConnectAsync(LocalUrl(baseAddress, "?t=" + Uri.EscapeDataString(token)));
        return client;
    }

    private async Task ConnectAsync(Uri url)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await _socket.ConnectAsync(url, timeout.Token);
        _reading = Task.Run(ReadAsync);
    }

    public Task StartAsync(PhoneCall call) => SendAsync(new JsonObject
    {
        ["event"] = "start", ["sequenceNumber"] = "1", ["streamSid"] = StreamSid,
        ["start"] = new JsonObject
        {
            ["streamSid"] = StreamSid, ["accountSid"] = VoiceFixture.AccountSid, ["callSid"] = call.CallSid, ["tracks"] = new JsonArray("inbound"),
            ["customParameters"] = new JsonObject { ["To"] = call.Number, ["From"] = call.From },
            ["mediaFormat"] = new JsonObject { ["encoding"] = "audio/x-mulaw", ["sampleRate"] = 8000, ["channels"] = 1 },
        },
    });

    public Task SendAsync(JsonObject message) => SendTextAsync(message.ToJsonString());

    public Task SendTextAsync(string text) =>
        _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);

    public Task SendFrameAsync(ReadOnlySpan<byte> frame) => SendAsync(new JsonObject
    {
        ["event"] = "media", ["streamSid"] = StreamSid,
        ["media"] = new JsonObject { ["track"] = "inbound", ["payload"] = Convert.ToBase64String(frame) },
    });

    /// <summary>The bot's next message (media, mark or clear), or null when the socket closed first.</summary>
    public async Task<JsonObject?> NextAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            return await _received.Reader.ReadAsync(deadline.Token);
        }
        catch (ChannelClosedException)
        {
            return null;
        }
    }

    /// <summary>Collects one spoken reply: the media frames up to its mark, which is then echoed like Twilio does after playback.</summary>
    public async Task<byte[]> ReplyAsync(TimeSpan timeout)
    {
        var audio = new List<byte>();
        while (await NextAsync(timeout) is { } message)
        {
            switch (message["event"]!.GetValue<string>())
            {
                case "media":
                    audio.AddRange(Convert.FromBase64String(message["media"]!["payload"]!.GetValue<string>()));
                    break;
                case "mark":
                    await SendAsync(new JsonObject { ["event"] = "mark", ["streamSid"] = StreamSid, ["mark"] = new JsonObject { ["name"] = message["mark"]!["name"]!.DeepClone() } });
                    return [.. audio];
            }
        }
        throw new InvalidOperationException("The stream closed before the reply's mark.");
    }

    /// <summary>Waits for the bot to close the socket (it closes on bad input).</summary>
    public async Task<WebSocketCloseStatus?> ClosedAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        await _reading!.WaitAsync(deadline.Token);
        return _socket.CloseStatus;
    }

    private async Task ReadAsync()
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (_socket.State == WebSocketState.Open)
            {
                var length = 0;
                ValueWebSocketReceiveResult result;
                do
                {
                    result = await _socket.ReceiveAsync(buffer.AsMemory(length), CancellationToken.None);
                    length += result.Count;
                }
                while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", CancellationToken.None);
                    break;
                }
                _received.Writer.TryWrite(JsonNode.Parse(buffer.AsSpan(0, length))!.AsObject());
            }
        }
        catch (WebSocketException)
        {
            // The bot closed without a handshake; CloseStatus stays null.
        }
        finally
        {
            _received.Writer.TryComplete();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            try
            {
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", timeout.Token);
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException)
            {
                // Already going away.
            }
        }
        _socket.Dispose();
    }
}
