using System.Buffers;
using System.Net.WebSockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Channels.Voice.Speech;

namespace OperatorOne.Channels.Voice.Media;

/// <summary>
/// One Media Streams WebSocket: reads Twilio's JSON messages in order, cuts the caller's audio into utterances and
/// hands them to the <see cref="CallConversation"/>. A protocol breach closes the socket with a status saying why,
/// before anything of it is processed.
/// </summary>
internal sealed class MediaSession(
    WebSocket socket, Func<MediaMessage.Start, Task<MediaCaller?>> identify, IServiceProvider services, ILogger<MediaSession> logger) : IDisposable
{
    /// <summary>Twilio's media messages are a few hundred bytes and its start message a few kilobytes.</summary>
    public const int MaxMessageBytes = 16 * 1024;

    private readonly VoiceActivityDetector _vad = new(VoiceActivitySettings.From(services.GetRequiredService<IOptions<VoiceMediaOptions>>().Value));
    private readonly List<short> _pending = [];
    private MediaSender? _sender;
    private CallConversation? _conversation;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Task? talking = null;
        var buffer = ArrayPool<byte>.Shared.Rent(MaxMessageBytes);
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var (kind, length, problem) = await ReceiveAsync(buffer, stop.Token);
                if (kind == WebSocketMessageType.Close)
                {
                    // The caller hung up: answer its close, completing the handshake.
                    await CloseAsync(WebSocketCloseStatus.NormalClosure, "Goodbye");
                    break;
                }
                if (problem is { } close)
                {
                    await CloseAsync(close.Status, close.Reason);
                    break;
                }
                var message = MediaMessage.Parse(buffer.AsSpan(0, length));
                var outcome = await HandleAsync(message, stop.Token);
                if (outcome is { } end)
                {
                    await CloseAsync(end.Status, end.Reason);
                    break;
                }
                if (_conversation is { } conversation && talking is null)
                {
                    talking = Task.Run(() => conversation.RunAsync(stop.Token), CancellationToken.None);
                }
                if (_conversation is { HangingUp: true } && _sender is { IsPlaying: false })
                {
                    await CloseAsync(WebSocketCloseStatus.NormalClosure, "Goodbye");
                    break;
                }
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            logger.LogInformation("Media stream ended: {Reason}", e.InnerException?.Message ?? e.Message);
            // A frame the WebSocket itself refuses (text that is not UTF-8) is answered with 1007 before it throws.
            await AwaitCallersCloseAsync();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            _conversation?.Complete();
            await stop.CancelAsync();
            try
            {
                await (talking ?? Task.CompletedTask);
            }
            catch (Exception e) when (e is OperationCanceledException or WebSocketException)
            {
                logger.LogDebug("The call's last turn was cut off by the hang-up");
            }

        }
    }

    public void Dispose() => _sender?.Dispose();

    private async Task<(WebSocketMessageType Kind, int Length, Close? Problem)> ReceiveAsync(byte[] buffer, CancellationToken cancellationToken)
    {
        var length = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                return (WebSocketMessageType.Text, length, new Close(WebSocketCloseStatus.MessageTooBig, $"Messages are limited to {MaxMessageBytes} bytes."));
            }
            var result = await socket.ReceiveAsync(buffer.AsMemory(length, Math.Min(buffer.Length, MaxMessageBytes) - length), cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return (result.MessageType, 0, null);
            }
            if (result.MessageType == WebSocketMessageType.Binary)
            {
                return (result.MessageType, 0, new Close(WebSocketCloseStatus.InvalidMessageType, "Media Streams messages are JSON text."));
            }
            length += result.Count;
            if (result.EndOfMessage)
            {
                return (result.MessageType, length, null);
            }
        }
    }

    /// <summary>Null to go on, or how to close.</summary>
    private async Task<Close?> HandleAsync(MediaMessage message, CancellationToken cancellationToken)
    {
        switch (message)
        {
            case MediaMessage.Invalid invalid:
                return new Close(WebSocketCloseStatus.InvalidPayloadData, invalid.Reason);
            case MediaMessage.Connected:
                return _sender is null ? null : new Close(WebSocketCloseStatus.PolicyViolation, "connected after start.");
            case MediaMessage.Start start:
                return await StartAsync(start);
            case MediaMessage.Stop:
                return new Close(WebSocketCloseStatus.NormalClosure, "Stream stopped");
            case var _ when _sender is null || _conversation is null:
                return new Close(WebSocketCloseStatus.PolicyViolation, "start must come before media, dtmf and mark.");
            case MediaMessage.Media media:
                await HearAsync(media.Payload, cancellationToken);
                return null;
            case MediaMessage.Dtmf dtmf:
                _conversation.Post(new CallInput.Keyed(dtmf.Digit));
                return null;
            case MediaMessage.Mark mark:
                _sender.Reached(mark.Name);
                return null;
            default:
                return null;
        }
    }

    private async Task<Close?> StartAsync(MediaMessage.Start start)
    {
        if (_sender is not null)
        {
            return new Close(WebSocketCloseStatus.PolicyViolation, "A stream starts once.");
        }
        if (start.Encoding != "audio/x-mulaw" || start.SampleRate != 8000)
        {
            return new Close(WebSocketCloseStatus.PolicyViolation, "Only audio/x-mulaw at 8000 Hz is supported.");
        }
        if (await identify(start) is not { } caller)
        {
            return new Close(WebSocketCloseStatus.PolicyViolation, "The call's number or caller is not known.");
        }
        _sender = new MediaSender(socket, start.StreamSid);
        _conversation = new CallConversation(caller, _sender, services.GetRequiredService<IServiceScopeFactory>(),
            services.GetRequiredService<ISpeechRecognizer>(), services.GetRequiredService<ISpeechSynthesizer>(),
            services.GetRequiredService<ToolRegistry>(), services.GetRequiredService<IOptions<VoiceMediaOptions>>().Value.TurnBudget, logger);
        return null;
    }

    private async Task HearAsync(byte[] payload, CancellationToken cancellationToken)
    {
        _pending.AddRange(MuLaw.Decode(payload));
        var frames = _pending.Count / MediaSender.FrameBytes;
        for (var i = 0; i < frames; i++)
        {
            var frame = _pending.GetRange(i * MediaSender.FrameBytes, MediaSender.FrameBytes).ToArray();
            switch (_vad.Feed(frame))
            {
                case VoiceActivity.SpeechStarted when _sender!.IsPlaying:
                    await _sender.ClearAsync(cancellationToken);
                    break;
                case VoiceActivity.UtteranceEnded:
                    _conversation!.Post(new CallInput.Spoken(_vad.Utterance));
                    break;
            }
        }
        _pending.RemoveRange(0, frames * MediaSender.FrameBytes);
    }

    private async Task CloseAsync(WebSocketCloseStatus status, string reason)
    {
        if (socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
        {
            return;
        }
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        // A close reason is at most 123 bytes of UTF-8.
        while (System.Text.Encoding.UTF8.GetByteCount(reason) > 120)
        {
            reason = reason[..^1];
        }
        if (_sender is { } sender)
        {
            await sender.CloseOutputAsync(status, reason, timeout.Token);
        }
        else
        {
            await socket.CloseOutputAsync(status, reason, timeout.Token);
        }
        await AwaitCallersCloseAsync();
    }

    /// <summary>
    /// Finishes the close handshake: drops what the caller still sends until its close arrives (at most 2 s). Ending the
    /// connection while its messages are unread would reset it, and the caller would see an abnormal end (1006) instead
    /// of our status.
    /// </summary>
    private async Task AwaitCallersCloseAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        var drain = new byte[4096];
        try
        {
            while (socket.State == WebSocketState.CloseSent)
            {
                await socket.ReceiveAsync(drain, timeout.Token);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            logger.LogDebug("The caller did not answer the close: {Reason}", e.Message);
        }
    }

    private sealed record Close(WebSocketCloseStatus Status, string Reason);
}
