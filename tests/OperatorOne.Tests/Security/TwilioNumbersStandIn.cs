using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace OperatorOne.Tests.Security;

/// <summary>
/// Twilio's REST API, the one call the bot makes: GET /2010-04-01/Accounts/{sid}/IncomingPhoneNumbers.json?PhoneNumber=…
/// with basic auth, answered from <see cref="Owned"/> in Twilio's list shape. An HttpListener, like the Slack stand-in.
/// </summary>
public sealed class TwilioNumbersStandIn : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly string _accountSid;
    private readonly string _authToken;
    private Task? _loop;

    public TwilioNumbersStandIn(string accountSid, string authToken)
    {
        _accountSid = accountSid;
        _authToken = authToken;
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        BaseAddress = new Uri($"http://127.0.0.1:{((IPEndPoint)probe.LocalEndpoint).Port}/");
        probe.Stop();
    }

    public Uri BaseAddress { get; }

    /// <summary>The numbers the account owns.</summary>
    public ConcurrentDictionary<string, bool> Owned { get; } = new();

    public void Start()
    {
        _listener.Prefixes.Add(BaseAddress.ToString());
        _listener.Start();
        _loop = Task.Run(ServeAsync);
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
            var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{_accountSid}:{_authToken}"));
            var path = context.Request.Url!.AbsolutePath;
            var number = context.Request.QueryString["PhoneNumber"] ?? "";
            var (status, body) = context.Request.Headers["Authorization"] != expected
                ? (401, new JsonObject { ["code"] = 20003, ["message"] = "Authenticate" })
                : path != $"/2010-04-01/Accounts/{_accountSid}/IncomingPhoneNumbers.json"
                    ? (404, new JsonObject { ["code"] = 20404, ["message"] = "Not found" })
                    : (200, new JsonObject
                    {
                        ["incoming_phone_numbers"] = Owned.ContainsKey(number)
                            ? new JsonArray(new JsonObject { ["sid"] = "PN" + Guid.NewGuid().ToString("N"), ["account_sid"] = _accountSid, ["phone_number"] = number })
                            : new JsonArray(),
                    });
            var bytes = Encoding.UTF8.GetBytes(body.ToJsonString());
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
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
