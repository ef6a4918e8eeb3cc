using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using OperatorOne.Bot.Core.Turns;
using OperatorOne.Channels.Voice;
using OperatorOne.Data.Channels;
using OperatorOne.Tests.Infrastructure;
using OperatorOne.Tests.Teams;

namespace OperatorOne.Tests.Security;

/// <summary>
/// Sends one fuzzed request and judges it: never 5xx; a 4xx leaves every table of the organization as it was; after a
/// 2xx the test waits until the work it started has ended (no turn in flight, no reply waiting in the outbox), so the
/// next refusal is compared against a settled store.
/// </summary>
internal sealed class FuzzTarget(BotHost host, Func<Guid, Task<Dictionary<string, long>>> rowCounts)
{
    // No cookie jar and no redirects: a test sets the cookies a case carries, and a redirect is an answer to judge.
    private readonly HttpClient _http = new(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false })
    {
        BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(60),
    };

    public FuzzTarget(SecuredBot bot) : this(bot.Host, bot.RowCountsAsync)
    {
    }

    /// <summary>How often each status came back: the run shows it exercised more than the signature check.</summary>
    public System.Collections.Concurrent.ConcurrentDictionary<int, int> Statuses { get; } = new();

    /// <summary>The first few distinct refusals (status and the start of the body): what the run was refused for.</summary>
    public System.Collections.Concurrent.ConcurrentDictionary<string, int> Refusals { get; } = new();

    public Task<HttpResponseMessage> PostAsync(string path, byte[] body, string contentType, Action<HttpRequestMessage> sign) =>
        SendAsync(HttpMethod.Post, path, body, contentType, sign);

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, byte[]? body, string contentType, Action<HttpRequestMessage> sign)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            // Without validation: a mutated multipart boundary is part of what is fuzzed.
            request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }
        sign(request);
        return await _http.SendAsync(request);
    }

    public Task<HttpResponseMessage> GetAsync(string path, Action<HttpRequestMessage>? sign = null) =>
        SendAsync(HttpMethod.Get, path, null, "", sign ?? (_ => { }));

    /// <summary>
    /// Bytes as a path segment (or, keeping "&amp;=%+", a query string), byte by byte, so NUL and invalid UTF-8 reach the
    /// server as sent.
    /// </summary>
    public static string Escape(byte[] bytes, string keep = "") => string.Concat(bytes.Select(b =>
        char.IsAsciiLetterOrDigit((char)b) || b is (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~' || (b < 0x80 && keep.Contains((char)b, StringComparison.Ordinal))
            ? ((char)b).ToString() : $"%{b:X2}"));

    public static string TwilioSignatureOf(string path, byte[] body)
    {
        var fields = QueryHelpers.ParseQuery("?" + Encoding.UTF8.GetString(body))
            .SelectMany(f => f.Value.Select(v => KeyValuePair.Create(f.Key, v ?? "")));
        return TwilioSignature.Compute(SecuredBot.TwilioAuthToken, new Uri(SecuredBot.TwilioPublicBaseUrl, path).AbsoluteUri, fields);
    }

    public Task CheckAsync(Guid organizationId, string what, Func<Task<HttpResponseMessage>> send, bool refusalsAudited = false) =>
        CheckAsync(() => rowCounts(organizationId), what, send, refusalsAudited);

    /// <summary>As above, with <paramref name="rows"/> naming what a refusal must leave alone (all organizations, for the ones that create one).</summary>
    public async Task CheckAsync(Func<Task<Dictionary<string, long>>> rows, string what, Func<Task<HttpResponseMessage>> send, bool refusalsAudited = false)
    {
        var before = await rows();
        using var response = await send();
        var status = (int)response.StatusCode;
        Statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
        if (status >= 500)
        {
            throw new Xunit.Sdk.XunitException($"{what} answered {status}: {await response.Content.ReadAsStringAsync()}");
        }
        if (status >= 400)
        {
            var reason = $"{status} {await response.Content.ReadAsStringAsync()}";
            if (Refusals.Count < 12)
            {
                Refusals.AddOrUpdate(reason[..Math.Min(reason.Length, 160)], 1, (_, n) => n + 1);
            }
            var after = await rows();
            var written = after.Where(t => t.Value != before[t.Key] && !(refusalsAudited && t.Key == "audit_events"))
                .Select(t => $"{t.Key} {before[t.Key]}→{t.Value}").ToList();
            if (written.Count > 0)
            {
                throw new Xunit.Sdk.XunitException($"{what} answered {status} but wrote {string.Join(", ", written)}: {await response.Content.ReadAsStringAsync()}");
            }
            return;
        }
        await SettleAsync(host);
    }

    /// <summary>
    /// Waits until the work accepted requests started has ended, as the server reports it: no turn in flight (a turn
    /// acknowledged before it finished holds its lease until it commits) and no outbox message due (a reply or card the
    /// worker is about to send and record). A backed-off retry is not due, so it does not hold the run up.
    /// </summary>
    public static async Task SettleAsync(BotHost host)
    {
        var turns = host.Services.GetRequiredService<InFlightTurns>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            while (true)
            {
                await turns.WhenIdleAsync(timeout.Token);
                if (await TestPostgres.QueryAsAdminAsync(host.AdminConnectionString, DueOutbox, r => r.Read() && r.GetBoolean(0)) is false && turns.Count == 0)
                {
                    return;
                }
                // The worker is sending: look again shortly; the condition, not this pause, decides.
                await Task.Delay(50, timeout.Token);
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            throw new Xunit.Sdk.XunitException($"The bot did not settle within 60 s: {turns.Count} turn(s) in flight or outbox messages still due.");
        }
    }

    private const string DueOutbox = "SELECT EXISTS (SELECT 1 FROM outbox_messages WHERE status = 'Pending' AND next_attempt_at <= now())";

    /// <summary>A proven installation of <paramref name="externalId"/>, with each member linked under the channel's user id.</summary>
    public Task InstallAsync(TestOrganization organization, string channel, string externalId, Func<string, string> userId) =>
        host.InOrganizationAsync(organization.Id, db =>
        {
            var now = DateTimeOffset.UtcNow;
            db.ChannelInstallations.Add(new ChannelInstallation
            {
                Id = Guid.NewGuid(), OrganizationId = organization.Id, Channel = channel, ExternalId = externalId, CreatedAt = now, VerifiedAt = now,
            });
            foreach (var (handle, memberId) in organization.Members.Where(m => m.Key == "member"))
            {
                db.ChannelIdentities.Add(new OperatorOne.Data.Members.ChannelIdentity
                {
                    Id = Guid.NewGuid(), OrganizationId = organization.Id, MemberId = memberId, Channel = channel, ExternalId = userId(handle), CreatedAt = now,
                });
            }
            return db.SaveChangesAsync();
        });

    public static JsonObject TeamsMessage(TeamsTenant tenant, string handle, string conversationId, string serviceUrl, string text) => new()
    {
        ["type"] = "message",
        ["id"] = TeamsUser.NewActivityId(),
        ["timestamp"] = "2026-01-05T10:00:00.000Z",
        ["serviceUrl"] = serviceUrl,
        ["channelId"] = "msteams",
        ["from"] = new JsonObject { ["id"] = $"29:1{handle}", ["name"] = handle, ["aadObjectId"] = tenant.AadObjectIds[handle] },
        ["recipient"] = new JsonObject { ["id"] = $"28:{TeamsBotHost.AppId}", ["name"] = "OperatorOne" },
        ["conversation"] = new JsonObject { ["id"] = conversationId, ["conversationType"] = "personal", ["tenantId"] = tenant.TenantId },
        ["text"] = text,
        ["locale"] = "en-US",
        ["entities"] = new JsonArray(new JsonObject { ["type"] = "clientInfo", ["locale"] = "en-US", ["timezone"] = "Europe/Berlin" }),
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = tenant.TenantId } },
    };

    /// <summary>Sends unless the bot has already closed the stream (a refusal of an earlier message).</summary>
    public static async Task SendQuietlyAsync(WebSocket socket, byte[] message, CancellationToken cancellationToken)
    {
        try
        {
            await socket.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        }
        catch (WebSocketException) when (socket.CloseStatus is not null || socket.State is WebSocketState.CloseReceived or WebSocketState.Closed)
        {
            // The bot closed first; how it closed is judged below.
        }
    }

    /// <summary>
    /// Reads until the bot closes (with a protocol status, never 1011) or, if it keeps the call open for 2 s, closes it
    /// ourselves and reads its answering close; an aborted connection (1006: no close handshake) fails.
    /// </summary>
    public static async Task ExpectOrderlyEndAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        var patience = Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
        var hungUp = false;
        try
        {
            while (true)
            {
                var receive = socket.ReceiveAsync(buffer, cancellationToken);
                if (!hungUp && await Task.WhenAny(receive, patience) == patience)
                {
                    // Still open and talking: a valid call. Hang up properly; the bot must answer the close.
                    hungUp = true;
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", cancellationToken);
                }
                var result = await receive;
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    Assert.NotNull(socket.CloseStatus);
                    Assert.NotEqual(WebSocketCloseStatus.InternalServerError, socket.CloseStatus);
                    if (!hungUp)
                    {
                        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", cancellationToken);
                    }
                    return;
                }
            }
        }
        catch (WebSocketException e)
        {
            throw new Xunit.Sdk.XunitException($"The media stream ended abnormally (1006): {e.Message}");
        }
    }
}
