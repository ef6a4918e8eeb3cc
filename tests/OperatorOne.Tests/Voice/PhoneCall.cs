using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using OperatorOne.Data.Channels;
using OperatorOne.Data.Members;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.Voice;

/// <summary>
/// A test organization with a Twilio number, and one call to it played the way Twilio plays it: signed form posts to
/// the public URL, following the Gather action URL the bot returned.
/// </summary>
public sealed class PhoneCall(BotHost host, TestOrganization organization, string number, string from) : IDisposable
{
    private readonly HttpClient _http = host.CreateClient();

    public TestOrganization Organization => organization;
    public string Number => number;
    public string From => from;
    public string CallSid { get; } = "CA" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>The URL the last Gather asked Twilio to post to.</summary>
    public Uri? NextAction { get; private set; }

    /// <summary>
    /// Whether a hold (a turn past Voice:TurnBudget answers "One moment." and a Redirect) is followed to the answer, as
    /// Twilio does: on a busy machine any turn may outlast the budget. Off for a test that looks at the holds themselves.
    /// </summary>
    public bool FollowsHolds { get; set; } = true;

    /// <summary>A fresh organization whose number is called from the given member's phone (or from a stranger's with null).</summary>
    public static Task<PhoneCall> CreateAsync(VoiceFixture fixture, string? callerHandle = "member") => CreateAsync(fixture.Host, callerHandle);

    /// <summary>The same on any bot host configured with <see cref="VoiceFixture"/>'s Twilio settings (<see cref="VoiceFixture.Configure"/>).</summary>
    public static async Task<PhoneCall> CreateAsync(BotHost host, string? callerHandle = "member")
    {
        var organization = await TestOrganization.CreateAsync(host);
        var number = RandomNumber();
        var from = RandomNumber();
        await host.InOrganizationAsync(organization.Id, async db =>
        {
            db.ChannelInstallations.Add(new ChannelInstallation
            {
                Id = Guid.NewGuid(), OrganizationId = organization.Id, Channel = "voice", ExternalId = number, CreatedAt = DateTimeOffset.UtcNow, VerifiedAt = DateTimeOffset.UtcNow,
            });
            if (callerHandle is not null)
            {
                db.ChannelIdentities.Add(new ChannelIdentity
                {
                    Id = Guid.NewGuid(), OrganizationId = organization.Id, MemberId = organization.Members[callerHandle], Channel = "voice",
                    ExternalId = from, CreatedAt = DateTimeOffset.UtcNow,
                });
            }
            return await db.SaveChangesAsync();
        });
        return new PhoneCall(host, organization, number, from);
    }

    private static readonly ConcurrentDictionary<string, bool> Issued = new(StringComparer.Ordinal);

    /// <summary>
    /// A +1555 number no other test of this run was given: a verified number is unique across organizations, so two
    /// tests that drew the same one by chance collided (about one run in ten thousand, with a voice host's fifty calls).
    /// </summary>
    public static string RandomNumber()
    {
        while (true)
        {
            var number = "+1555" + RandomNumberGenerator.GetInt32(1_000_000, 9_999_999).ToString(CultureInfo.InvariantCulture);
            if (Issued.TryAdd(number, true))
            {
                return number;
            }
        }
    }

    public Dictionary<string, string> Fields(params (string Key, string Value)[] extra)
    {
        var fields = new Dictionary<string, string>
        {
            ["AccountSid"] = VoiceFixture.AccountSid, ["ApiVersion"] = "2010-04-01", ["CallSid"] = CallSid, ["CallStatus"] = "in-progress",
            ["Direction"] = "inbound", ["From"] = from, ["To"] = number, ["Caller"] = from, ["Called"] = number,
        };
        foreach (var (key, value) in extra)
        {
            fields[key] = value;
        }
        return fields;
    }

    public async Task<XDocument> IncomingAsync() => await ExpectTwiMLAsync(await PostAsync("/api/voice/twilio/incoming", Fields()));

    /// <summary>Says something (or keys a digit, or stays silent with both null) at the last Gather.</summary>
    public async Task<XDocument> AnswerAsync(string? speech = null, string? digits = null)
    {
        var action = NextAction ?? throw new InvalidOperationException("No Gather is waiting.");
        var extra = new List<(string, string)>();
        if (speech is not null)
        {
            extra.Add(("SpeechResult", speech));
            extra.Add(("Confidence", "0.92"));
        }
        if (digits is not null)
        {
            extra.Add(("Digits", digits));
        }
        return await ExpectTwiMLAsync(await PostAsync(action.PathAndQuery, Fields([.. extra])));
    }

    public Task<HttpResponseMessage> PostAsync(string pathAndQuery, IReadOnlyDictionary<string, string> fields, string? signature = null,
        string? authToken = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, pathAndQuery) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add("X-Twilio-Signature", signature ?? TwilioSigner.Sign(authToken ?? VoiceFixture.AuthToken,
            new Uri(VoiceFixture.PublicBaseUrl, pathAndQuery).AbsoluteUri, fields));
        return _http.SendAsync(request);
    }

    public async Task<XDocument> ExpectTwiMLAsync(HttpResponseMessage response)
    {
        var document = await ReadTwiMLAsync(response);
        while (FollowsHolds && document.Root!.Element("Redirect") is { } redirect)
        {
            document = await ReadTwiMLAsync(await PostAsync(new Uri(redirect.Value).PathAndQuery, Fields()));
        }
        return document;
    }

    private async Task<XDocument> ReadTwiMLAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        Assert.StartsWith("text/xml", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        var document = XDocument.Parse(body);
        Assert.Equal("Response", document.Root!.Name.LocalName);
        var gather = document.Root.Element("Gather");
        NextAction = gather is null ? null : new Uri(gather.Attribute("action")!.Value);
        return document;
    }

    public static string Spoken(XDocument twiml) =>
        string.Join(" ", twiml.Descendants("Say").Select(s => s.Value));

    public void Dispose() => _http.Dispose();
}

/// <summary>Signs like Twilio: Base64(HMAC-SHA1(token, URL + fields sorted by name)). Independent of the bot's code.</summary>
public static class TwilioSigner
{
    public static string Sign(string authToken, string url, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var data = new StringBuilder(url);
        foreach (var (key, value) in fields.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            data.Append(key).Append(value);
        }
#pragma warning disable CA5350 // Twilio's scheme.
        return Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(authToken), Encoding.UTF8.GetBytes(data.ToString())));
#pragma warning restore CA5350
    }
}
