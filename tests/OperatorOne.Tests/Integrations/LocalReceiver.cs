using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace OperatorOne.Tests.Integrations;

/// <summary>One request the receiver got: method, path and query, headers and the exact body bytes.</summary>
public sealed record ReceivedRequest(string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string Text => Encoding.UTF8.GetString(Body);

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}

/// <summary>What the receiver answers for a path: status, body, content type, extra headers, and an optional delay or hold.</summary>
public sealed record ReceiverAnswer(int Status, string Body, string ContentType = "application/json", IReadOnlyDictionary<string, string>? Headers = null)
{
    public TimeSpan Delay { get; init; }

    /// <summary>The answer waits for this (a test's gate), so the caller is held for as long as the test needs.</summary>
    public Task? HeldUntil { get; init; }
}

/// <summary>
/// A small HTTP server on real loopback, standing in for the business's own systems (an order API, an n8n-style webhook
/// receiver): records every request and answers per path, by a queue of answers or a fixed one.
/// </summary>
public sealed class LocalReceiver : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<ReceivedRequest> _requests = new();
    private Task? _loop;

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    /// <summary>Answers by path prefix; the longest prefix that matches wins. Unknown paths get 200 "{}".</summary>
    public ConcurrentDictionary<string, Func<ReceivedRequest, ReceiverAnswer>> Answers { get; } = new();

    public IReadOnlyList<ReceivedRequest> Requests => [.. _requests];

    public IReadOnlyList<ReceivedRequest> To(string pathPrefix) => [.. _requests.Where(r => r.PathAndQuery.StartsWith(pathPrefix, StringComparison.Ordinal))];

    public Uri Url(string path) => new(BaseAddress, path.TrimStart('/'));

    public Task StartAsync()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(BaseAddress.ToString());
        _listener.Start();
        _loop = Task.Run(ServeAsync);
        return Task.CompletedTask;
    }

    /// <summary>Waits for requests under a path, polling with a deadline.</summary>
    public async Task<IReadOnlyList<ReceivedRequest>> WaitForAsync(string pathPrefix, int count = 1, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var got = To(pathPrefix);
            if (got.Count >= count)
            {
                return got;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new Xunit.Sdk.XunitException($"Expected {count} request(s) to {pathPrefix}; got {got.Count}.");
            }
            await Task.Delay(50);
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        using var body = new MemoryStream();
        await context.Request.InputStream.CopyToAsync(body);
        var headers = context.Request.Headers.AllKeys.Where(k => k is not null)
            .ToDictionary(k => k!, k => context.Request.Headers[k] ?? "", StringComparer.OrdinalIgnoreCase);
        var received = new ReceivedRequest(context.Request.HttpMethod, context.Request.Url!.PathAndQuery, headers, body.ToArray());
        _requests.Enqueue(received);
        var answer = Answers.Where(a => received.PathAndQuery.StartsWith(a.Key, StringComparison.Ordinal)).OrderByDescending(a => a.Key.Length)
            .Select(a => a.Value(received)).FirstOrDefault() ?? new ReceiverAnswer(200, "{}");
        try
        {
            if (answer.Delay > TimeSpan.Zero)
            {
                await Task.Delay(answer.Delay);
            }
            if (answer.HeldUntil is { } gate)
            {
                await gate;
            }
            var response = context.Response;
            response.StatusCode = answer.Status;
            response.ContentType = answer.ContentType;
            foreach (var (name, value) in answer.Headers ?? new Dictionary<string, string>())
            {
                response.Headers[name] = value;
            }
            var bytes = Encoding.UTF8.GetBytes(answer.Body);
            response.ContentLength64 = bytes.Length;
            await response.OutputStream.WriteAsync(bytes);
            response.Close();
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or IOException)
        {
            // The bot gave up (a timeout): nothing to answer.
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        if (_loop is not null)
        {
            await _loop;
        }
    }
}
