using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OperatorOne.Bot.Core.Turns;

namespace OperatorOne.Skills.Integrations;

/// <summary>
/// The one HTTP client custom tools and webhooks use: the guard checks the address before the request and again as the
/// socket connects; no proxy, no redirects (a 3xx is an answer, not a new target), a timeout per call, a capped read.
/// </summary>
internal sealed class OutboundHttp(IHttpClientFactory clients, OutboundGuard guard, IOptions<IntegrationsOptions> options, TimeProvider clock)
{
    public const string ClientName = "OperatorOne.Integrations";

    public static void Register(IServiceCollection services) =>
        services.AddHttpClient(ClientName, c => c.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(provider =>
            {
                var guard = provider.GetRequiredService<OutboundGuard>();
                return new SocketsHttpHandler
                {
                    AllowAutoRedirect = false,
                    UseProxy = false,
                    UseCookies = false,
                    ConnectTimeout = TimeSpan.FromSeconds(10),
                    ConnectCallback = async (context, cancellationToken) =>
                    {
                        // Resolved and checked again here: whatever DNS says now is what we connect to.
                        var addresses = await guard.AddressesAsync(context.DnsEndPoint.Host, cancellationToken);
                        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                        try
                        {
                            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken);
                            return new NetworkStream(socket, ownsSocket: true);
                        }
                        catch
                        {
                            socket.Dispose();
                            throw;
                        }
                    },
                };
            });

    public async Task<OutboundResult> SendAsync(HttpRequestMessage request, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var started = clock.GetTimestamp();
        if (await guard.RefusalAsync(request.RequestUri!, cancellationToken) is { } refusal)
        {
            return OutboundResult.Failed(OutboundFailure.Refused, refusal, clock.GetElapsedTime(started));
        }
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            // Within a turn (a custom tool) the business's endpoint is waited for aside, letting other turns work meanwhile.
            return await TurnAdmission.AwayAsync(async () =>
            {
                using var response = await clients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
                var (body, tooLarge) = await ReadCappedAsync(response.Content, options.Value.MaxResponseBytes, deadline.Token);
                return new OutboundResult((int)response.StatusCode, response.ReasonPhrase, body, tooLarge,
                    response.Content.Headers.ContentType?.MediaType, response.Headers.RetryAfter?.Delta, clock.GetElapsedTime(started));
            });
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return OutboundResult.Failed(OutboundFailure.TimedOut, $"no answer within {timeout.TotalSeconds:0} s", clock.GetElapsedTime(started));
        }
        catch (HttpRequestException ex) when (Refusal(ex) is { } refused)
        {
            return OutboundResult.Failed(OutboundFailure.Refused, refused.Message, clock.GetElapsedTime(started));
        }
        catch (HttpRequestException ex)
        {
            return OutboundResult.Failed(OutboundFailure.Unreachable, ex.HttpRequestError switch
            {
                HttpRequestError.NameResolutionError => "the name could not be resolved",
                HttpRequestError.ConnectionError => "the connection was refused or dropped",
                HttpRequestError.SecureConnectionError => "the TLS handshake failed",
                _ => "the request failed",
            }, clock.GetElapsedTime(started));
        }
    }

    private static OutboundRefusedException? Refusal(Exception? ex) =>
        ex is null ? null : ex as OutboundRefusedException ?? Refusal(ex.InnerException);

    /// <summary>Reads at most <paramref name="max"/> bytes; more means the answer is refused, never buffered whole.</summary>
    private static async Task<(byte[] Body, bool TooLarge)> ReadCappedAsync(HttpContent content, int max, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength > max)
        {
            return ([], true);
        }
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[max + 1];
        var read = 0;
        int last;
        while (read < buffer.Length && (last = await stream.ReadAsync(buffer.AsMemory(read), cancellationToken)) > 0)
        {
            read += last;
        }
        return read > max ? ([], true) : (buffer[..read], false);
    }
}

/// <summary>What came back: the status and (capped) body, or why there was no answer.</summary>
internal sealed record OutboundResult(int Status, string? Reason, byte[] Body, bool TooLarge, string? ContentType, TimeSpan? RetryAfter, TimeSpan Elapsed)
{
    public OutboundFailure? Failure { get; init; }
    public string? FailureReason { get; init; }

    public bool Succeeded => Failure is null && Status is >= 200 and < 300;

    public static OutboundResult Failed(OutboundFailure failure, string reason, TimeSpan elapsed) =>
        new(0, null, [], false, null, null, elapsed) { Failure = failure, FailureReason = reason };
}

internal enum OutboundFailure
{
    Refused,
    TimedOut,
    Unreachable,
}
