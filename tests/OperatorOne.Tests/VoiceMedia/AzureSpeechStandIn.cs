using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace OperatorOne.Tests.VoiceMedia;

/// <summary>
/// A local stand-in for Azure AI Speech's REST endpoints on real loopback HTTP: short-audio recognition answers the
/// scripted JSON, text to speech answers fixed μ-law bytes; every request is recorded with headers and body.
/// </summary>
public sealed class AzureSpeechStandIn : IAsyncDisposable
{
    public const string Key = "azure-test-key";

    private readonly HttpListener _listener = new();
    private Task? _loop;

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");
    public ConcurrentQueue<Recorded> Requests { get; } = new();
    public string RecognitionJson { get; set; } = """{"RecognitionStatus":"Success","DisplayText":"My open tickets.","Offset":"1200000","Duration":"9800000"}""";
    public byte[] SpeechAudio { get; } = Enumerable.Range(0, 800).Select(i => (byte)i).ToArray();

    public sealed record Recorded(string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers, byte[] Body);

    public static async Task<AzureSpeechStandIn> StartAsync()
    {
        var standIn = new AzureSpeechStandIn();
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        standIn.BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        standIn._listener.Prefixes.Add(standIn.BaseAddress.ToString());
        standIn._listener.Start();
        standIn._loop = Task.Run(standIn.ServeAsync);
        await Task.CompletedTask;
        return standIn;
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
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }
            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            var headers = context.Request.Headers.AllKeys.Where(k => k is not null).ToDictionary(k => k!, k => context.Request.Headers[k]!, StringComparer.OrdinalIgnoreCase);
            Requests.Enqueue(new Recorded(context.Request.HttpMethod, context.Request.Url!.PathAndQuery, headers, body.ToArray()));
            var response = context.Response;
            if (context.Request.Headers["Ocp-Apim-Subscription-Key"] != Key)
            {
                response.StatusCode = 401;
            }
            else if (context.Request.Url.AbsolutePath == "/speech/recognition/conversation/cognitiveservices/v1")
            {
                response.ContentType = "application/json";
                await response.OutputStream.WriteAsync(Encoding.UTF8.GetBytes(RecognitionJson));
            }
            else if (context.Request.Url.AbsolutePath == "/cognitiveservices/v1")
            {
                response.ContentType = "audio/basic";
                await response.OutputStream.WriteAsync(SpeechAudio);
            }
            else
            {
                response.StatusCode = 404;
            }
            response.Close();
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
