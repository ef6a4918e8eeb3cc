using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;

namespace OperatorOne.Benchmarks.Turns;

/// <summary>
/// The phone: one call per member, each turn a signed Gather callback with the caller's speech, as Twilio posts it to
/// the public URL. The reply is the TwiML of the same response, so a turn without a spoken answer counts as missing.
/// </summary>
internal sealed class TwilioTurns(IReadOnlyList<BenchmarkMember> members, Uri publicBaseUrl, string accountSid, string authToken) : ITurnChannel
{
    private readonly ConversationRing<Call> _ring = new([.. members.Select(m => new Call(m, "CA" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))))]);
    private readonly ConcurrentDictionary<string, int> _steps = new();
    private long _unanswered;

    /// <summary>More than the bot's Voice:MaxHolds (4 by default), so its last word is always heard.</summary>
    private const int MaxHolds = 8;

    public string Name => "Phone";

    public bool RepliesFollowTheAnswer => false;

    private sealed record Call(BenchmarkMember Member, string Sid);

    public async Task PrepareAsync(HttpClient http, CancellationToken cancellationToken)
    {
        foreach (var call in _ring.All)
        {
            if (!await PostAsync(http, "api/voice/twilio/incoming", call, [], cancellationToken))
            {
                throw new InvalidOperationException($"The bot did not answer the call from {call.Member.Phone}.");
            }
        }
    }

    public async Task<bool> SendAsync(HttpClient http, string text, CancellationToken cancellationToken)
    {
        var (call, index) = _ring.Next();
        // The bot's own Gather names the next step; the first answer after the welcome is step 1.
        var step = _steps.AddOrUpdate(call.Sid, 1, (_, s) => s + 1);
        var answered = await PostAsync(http, $"api/voice/twilio/gather?step={step}&misses=0", call,
            [("SpeechResult", text), ("Confidence", "0.92")], cancellationToken);
        _ring.Sent(index);
        if (!answered)
        {
            Interlocked.Increment(ref _unanswered);
        }
        return answered;
    }

    public Task<long> MissingRepliesAsync(HttpClient http, CancellationToken cancellationToken) => Task.FromResult(Interlocked.Read(ref _unanswered));

    /// <summary>
    /// Posts as Twilio does and follows the bot's holds (Say or Pause, then Redirect to /wait) the way Twilio follows
    /// them, until the answer is spoken with the next Gather; false when none comes.
    /// </summary>
    private async Task<bool> PostAsync(HttpClient http, string pathAndQuery, Call call, (string Key, string Value)[] extra, CancellationToken cancellationToken)
    {
        var fields = new Dictionary<string, string>
        {
            ["AccountSid"] = accountSid, ["ApiVersion"] = "2010-04-01", ["CallSid"] = call.Sid, ["CallStatus"] = "in-progress",
            ["Direction"] = "inbound", ["From"] = call.Member.Phone, ["To"] = call.Member.VoiceNumber,
            ["Caller"] = call.Member.Phone, ["Called"] = call.Member.VoiceNumber,
        };
        foreach (var (key, value) in extra)
        {
            fields[key] = value;
        }
        for (var hold = 0; hold <= MaxHolds; hold++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, pathAndQuery) { Content = new FormUrlEncodedContent(fields) };
            request.Headers.Add("X-Twilio-Signature", Signature(new Uri(publicBaseUrl, pathAndQuery).AbsoluteUri, fields));
            using var response = await http.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return false;
            }
            var twiml = XDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            if (twiml.Root?.Element("Redirect")?.Value is not { } redirect)
            {
                return twiml.Descendants("Say").Any() && twiml.Descendants("Gather").Any();
            }
            pathAndQuery = new Uri(redirect).PathAndQuery.TrimStart('/');
            fields.Remove("SpeechResult");
            fields.Remove("Confidence");
        }
        return false;
    }

    /// <summary>Twilio's request signature: Base64(HMAC-SHA1(auth token, URL followed by each field's name and value, by name)).</summary>
    private string Signature(string url, Dictionary<string, string> fields)
    {
        var data = new StringBuilder(url);
        foreach (var (key, value) in fields.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            data.Append(key).Append(value);
        }
#pragma warning disable CA5350 // Twilio signs with SHA-1.
        return Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(authToken), Encoding.UTF8.GetBytes(data.ToString())));
#pragma warning restore CA5350
    }
}
