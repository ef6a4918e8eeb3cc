using System.Net.WebSockets;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OperatorOne.Bot.Core.Invitations;

namespace OperatorOne.Channels.WebChat;

/// <summary>
/// The Direct Line WebSocket: pushes ActivitySet frames for the conversation's activities from the start (or after
/// the watermark it asked to resume from) and then each one appended later. From the start, because the welcome turn
/// answers synchronously: the welcome is already in the log when Web Chat opens the socket, and Web Chat fetches no history. Several sockets per conversation are allowed, so two browser
/// tabs both follow the chat. Wakes on a signal, re-reads the log on a short timer, and sends empty keep-alives.
/// </summary>
internal sealed class ActivityStream(DirectLineLog log, ConversationSignals signals, IOptions<OnboardingOptions> onboarding, ILogger<ActivityStream> logger)
{
    private const int BatchSize = 100;
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan KeepAliveInterval = TimeSpan.FromSeconds(15);

    public async Task RunAsync(HttpContext context, string conversationId, string? resumeFrom, CancellationToken cancellationToken)
    {
        using var subscription = signals.Subscribe(conversationId);
        var watermark = resumeFrom is null ? 0 : ActivitySet.Parse(resumeFrom);
        var linkBase = WebChatLinks.Base(context.Request, onboarding.Value);
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        using var closed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reading = DrainAsync(socket, closed);
        var lastFrame = DateTimeOffset.UtcNow;
        try
        {
            while (!closed.IsCancellationRequested && socket.State == WebSocketState.Open)
            {
                var entries = await log.ReadAfterAsync(conversationId, watermark, BatchSize, closed.Token);
                if (entries.Count > 0)
                {
                    watermark = entries[^1].Watermark;
                    await SendAsync(socket, ActivitySet.From(entries, watermark, linkBase).ToUtf8(), closed.Token);
                    lastFrame = DateTimeOffset.UtcNow;
                    continue;
                }
                if (DateTimeOffset.UtcNow - lastFrame >= KeepAliveInterval)
                {
                    await SendAsync(socket, [], closed.Token);
                    lastFrame = DateTimeOffset.UtcNow;
                }
                await subscription.WaitAsync(PollInterval, closed.Token);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            // The browser went away or the host is stopping; Direct Line clients reconnect with their watermark.
            logger.LogDebug("Stream for {Conversation} ended: {Reason}", conversationId, e.Message);
        }
        finally
        {
            await closed.CancelAsync();
            await reading;
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", CancellationToken.None)
                    .ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private static Task SendAsync(WebSocket socket, byte[] frame, CancellationToken cancellationToken) =>
        socket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);

    /// <summary>Reads and ignores what the client sends (DLJS pings with empty frames) until it closes.</summary>
    private static async Task DrainAsync(WebSocket socket, CancellationTokenSource closed)
    {
        var buffer = new byte[4096];
        try
        {
            while (!closed.IsCancellationRequested)
            {
                var received = await socket.ReceiveAsync(buffer, closed.Token);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            // Closing either way.
        }
        await closed.CancelAsync();
    }
}
