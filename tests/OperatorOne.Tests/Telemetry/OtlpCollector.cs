using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace OperatorOne.Tests.Telemetry;

/// <summary>
/// A stand-in OTLP/HTTP collector on loopback: takes the protobuf posts to /v1/traces, /v1/metrics and /v1/logs and
/// keeps their bytes (protobuf keeps strings as UTF-8, so span names and attribute values can be found in them).
/// </summary>
public sealed class OtlpCollector : IDisposable
{
    private readonly HttpListener _listener = new();

    public OtlpCollector()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(BaseAddress.ToString());
        _listener.Start();
        _ = AcceptAsync();
    }

    public Uri BaseAddress { get; }

    /// <summary>Posted bodies by path, in arrival order.</summary>
    public ConcurrentQueue<(string Path, string ContentType, byte[] Body)> Posts { get; } = new();

    public bool Received(string path, params string[] fragments) => Posts.Any(p => p.Path == path
        && fragments.All(f => p.Body.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(f)) >= 0));

    private async Task AcceptAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }
            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            Posts.Enqueue((context.Request.Url!.AbsolutePath, context.Request.ContentType ?? "", body.ToArray()));
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/x-protobuf";
            context.Response.Close();
        }
    }

    public void Dispose() => _listener.Close();
}
