using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using OperatorOne.Data.Channels;
using OperatorOne.Data.Members;
using OperatorOne.Tests.Infrastructure;
using OperatorOne.Tests.Slack;
using OperatorOne.Tests.Teams;
using OperatorOne.Tests.Voice;

namespace OperatorOne.Tests.Resilience;

/// <summary>
/// One organization connected on all four channels — a Teams tenant, a Slack workspace, a Twilio number and its web
/// chat site — with its member linked on each, and requests to any replica the way each channel sends them: a Teams
/// activity (the bot's loopback local-test mode: MSAL needs an https token authority, which a separate process can't
/// be pointed away from), a Slack event signed with the signing secret, and Twilio posts signed with the auth token.
/// </summary>
internal sealed class FourChannels(HttpClient http, TestOrganization organization, string tenantId, string aadObjectId, string teamId, string number, string phone)
{
    public const string SlackSigningSecret = "kill-test-signing-secret";
    public const string SlackBotToken = "xoxb-kill-test-token";

    public TestOrganization Organization => organization;
    public string SlackUser => $"UMEMBER{teamId[1..]}";
    public string SlackDm => $"DMEMBER{teamId[1..]}";

    public static async Task<FourChannels> CreateAsync(HttpClient http, SharedStore store)
    {
        var organization = await TestOrganization.CreateAsync(store.InOrganizationAsync);
        var tenantId = Guid.NewGuid().ToString();
        var aadObjectId = Guid.NewGuid().ToString();
        var teamId = $"T{Guid.NewGuid():N}"[..12].ToUpperInvariant();
        var number = PhoneCall.RandomNumber();
        var phone = PhoneCall.RandomNumber();
        var channels = new FourChannels(http, organization, tenantId, aadObjectId, teamId, number, phone);
        await store.InOrganizationAsync(organization.Id, db =>
        {
            var now = DateTimeOffset.UtcNow;
            var member = organization.Members["member"];
            foreach (var (channel, installation, identity) in new[]
            {
                (ChannelNames.Teams, tenantId, aadObjectId), (ChannelNames.Slack, teamId, channels.SlackUser), (ChannelNames.Voice, number, phone),
            })
            {
                db.ChannelInstallations.Add(new ChannelInstallation
                {
                    Id = Guid.NewGuid(), OrganizationId = organization.Id, Channel = channel, ExternalId = installation, CreatedAt = now, VerifiedAt = now,
                });
                db.ChannelIdentities.Add(new ChannelIdentity
                {
                    Id = Guid.NewGuid(), OrganizationId = organization.Id, MemberId = member, Channel = channel, ExternalId = identity, CreatedAt = now,
                });
            }
            return db.SaveChangesAsync();
        });
        return channels;
    }

    /// <summary>A personal-chat message as the Bot Connector posts it; Teams' acknowledgement is the 200.</summary>
    public async Task<HttpStatusCode> TeamsAsync(Uri replica, TeamsCloud cloud, string conversationId, string text)
    {
        var activity = new JsonObject
        {
            ["type"] = "message",
            ["id"] = TeamsUser.NewActivityId(),
            ["serviceUrl"] = cloud.ServiceUrl,
            ["channelId"] = "msteams",
            ["from"] = new JsonObject { ["id"] = $"29:1{aadObjectId[..8]}", ["name"] = "Mia", ["aadObjectId"] = aadObjectId },
            ["recipient"] = new JsonObject { ["id"] = "28:kill-test-bot", ["name"] = "OperatorOne" },
            ["conversation"] = new JsonObject { ["id"] = conversationId, ["conversationType"] = "personal", ["tenantId"] = tenantId },
            ["text"] = text,
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = tenantId } },
        };
        using var response = await http.PostAsync(new Uri(replica, "api/messages"), new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"));
        return response.StatusCode;
    }

    /// <summary>A direct message as Slack's Events API delivers it, signed; Slack's acknowledgement is the 200.</summary>
    public async Task<HttpStatusCode> SlackAsync(Uri replica, string text)
    {
        var envelope = new JsonObject
        {
            ["token"] = "deprecated",
            ["team_id"] = teamId,
            ["api_app_id"] = "A0KILL",
            ["type"] = "event_callback",
            ["event_id"] = $"Ev{Guid.NewGuid():N}",
            ["event_time"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["event"] = new JsonObject
            {
                ["type"] = "message", ["channel_type"] = "im", ["channel"] = SlackDm, ["user"] = SlackUser, ["text"] = text,
                ["ts"] = $"{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}.000100", ["client_msg_id"] = Guid.NewGuid().ToString(),
            },
            ["authorizations"] = new JsonArray(new JsonObject { ["team_id"] = teamId, ["user_id"] = "UBOT", ["is_bot"] = true }),
        };
        var body = Encoding.UTF8.GetBytes(envelope.ToJsonString());
        var timestamp = SlackSigner.Now();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(replica, "api/slack/events")) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
        request.Headers.Add("X-Slack-Signature", SlackSigner.Sign(SlackSigningSecret, timestamp, body));
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    /// <summary>A new call from the member's phone to the organization's number.</summary>
    public ReplicaCall Call() => new(http, "CA" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), number, phone);
}

/// <summary>One call played the way Twilio plays it against replicas: signed form posts to the public URL it was given.</summary>
internal sealed class ReplicaCall(HttpClient http, string callSid, string number, string from)
{
    public string CallSid => callSid;

    /// <summary>The first step's delivery id: what the caller says at the first Gather.</summary>
    public string FirstStep => $"{callSid}:1";

    public Task<XDocument> IncomingAsync(Uri replica) => PostAsync(replica, "/api/voice/twilio/incoming", []);

    /// <summary>Speech posted to the Gather action of <paramref name="twiml"/>.</summary>
    public Task<XDocument> SayAsync(Uri replica, XDocument twiml, string speech) =>
        PostAsync(replica, new Uri(twiml.Root!.Element("Gather")!.Attribute("action")!.Value).PathAndQuery,
            [("SpeechResult", speech), ("Confidence", "0.92")]);

    /// <summary>Follows the TwiML's Redirect (a caller on hold) as Twilio does, to whichever replica it reaches.</summary>
    public Task<XDocument> FollowAsync(Uri replica, XDocument twiml) =>
        PostAsync(replica, new Uri(Redirect(twiml)!).PathAndQuery, []);

    public static string? Redirect(XDocument twiml) => twiml.Root?.Element("Redirect")?.Value;

    public static string Spoken(XDocument twiml) => string.Join(" ", twiml.Descendants("Say").Select(s => s.Value));

    private async Task<XDocument> PostAsync(Uri replica, string pathAndQuery, (string Key, string Value)[] extra)
    {
        var fields = new Dictionary<string, string>
        {
            ["AccountSid"] = VoiceFixture.AccountSid, ["ApiVersion"] = "2010-04-01", ["CallSid"] = callSid, ["CallStatus"] = "in-progress",
            ["Direction"] = "inbound", ["From"] = from, ["To"] = number, ["Caller"] = from, ["Called"] = number,
        };
        foreach (var (key, value) in extra)
        {
            fields[key] = value;
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(replica, pathAndQuery.TrimStart('/'))) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add("X-Twilio-Signature", TwilioSigner.Sign(VoiceFixture.AuthToken, new Uri(VoiceFixture.PublicBaseUrl, pathAndQuery).AbsoluteUri, fields));
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        return XDocument.Parse(body);
    }
}
