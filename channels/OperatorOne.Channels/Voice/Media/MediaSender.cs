using System.Net.WebSockets;
using System.Text.Json;

namespace OperatorOne.Channels.Voice.Media;

/// <summary>
/// Everything the bot sends on a Media Stream, one message at a time: audio as 20 ms (160-byte) μ-law frames
/// followed by a mark, so we learn when playback ends; and clear, which drops what is still queued (barge-in).
/// </summary>
internal sealed class MediaSender(WebSocket socket, string streamSid) : IDisposable
{
    public const int FrameBytes = 160;

    private readonly SemaphoreSlim _lock = new(1, 1);

    /// <summary>One message on the wire at a time: a close must never overlap a frame (the socket would abort).</summary>
    private readonly SemaphoreSlim _wire = new(1, 1);
    private int _replies;
    private volatile string? _playing;

    /// <summary>True from sending a reply until its mark comes back (or it is cleared).</summary>
    public bool IsPlaying => _playing is not null;

    /// <summary>Frames sent so far (for tests and logs).</summary>
    public long FramesSent { get; private set; }

    public async Task PlayAsync(byte[] muLaw, CancellationToken cancellationToken)
    {
        var mark = $"reply-{Interlocked.Increment(ref _replies)}";
        await _lock.WaitAsync(cancellationToken);
        try
        {
            _playing = mark;
            for (var offset = 0; offset < muLaw.Length; offset += FrameBytes)
            {
                var frame = muLaw.AsSpan(offset, Math.Min(FrameBytes, muLaw.Length - offset));
                await SendAsync(new { @event = "media", streamSid, media = new { payload = Convert.ToBase64String(frame) } }, cancellationToken);
                FramesSent++;
            }
            await SendAsync(new { @event = "mark", streamSid, mark = new { name = mark } }, cancellationToken);
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>The caller talks over us: Twilio drops the queued audio and returns the pending marks.</summary>
    public async Task ClearAsync(CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken);
        try
        {
            _playing = null;
            await SendAsync(new { @event = "clear", streamSid }, cancellationToken);
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Twilio reached (or dropped) a mark; true when it was the end of what we are playing.</summary>
    public bool Reached(string mark)
    {
        if (_playing != mark)
        {
            return false;
        }
        _playing = null;
        return true;
    }

    /// <summary>Closes our side between two frames, never during one; later sends are dropped.</summary>
    public async Task CloseOutputAsync(WebSocketCloseStatus status, string reason, CancellationToken cancellationToken)
    {
        await _wire.WaitAsync(cancellationToken);
        try
        {
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await socket.CloseOutputAsync(status, reason, cancellationToken);
            }
        }
        finally
        {
            _wire.Release();
        }
    }

    public void Dispose()
    {
        _lock.Dispose();
        _wire.Dispose();
    }

    private async Task SendAsync<T>(T message, CancellationToken cancellationToken)
    {
        await _wire.WaitAsync(cancellationToken);
        try
        {
            if (socket.State == WebSocketState.Open)
            {
                await socket.SendAsync(JsonSerializer.SerializeToUtf8Bytes(message), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
            }
        }
        finally
        {
            _wire.Release();
        }
    }
}
