using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using OperatorOne.Data.Channels;
using OperatorOne.Tests.AdminApi;
using OperatorOne.Tests.Infrastructure;
using OperatorOne.Tests.Slack;
using OperatorOne.Tests.Teams;
using OperatorOne.Tests.WebChat;
using OperatorOne.Tests.Voice;

namespace OperatorOne.Tests.Security;

/// <summary>
/// Mutations of valid, correctly signed requests against every inbound endpoint: nothing answers 5xx, a refusal (4xx)
/// writes no row of the organization's, and the media stream never ends abnormally (1006/1011). CsCheck generates the
/// edits from a fixed seed (FUZZ_SEED overrides it; a failure prints the seed that reproduces it and shrinks the case).
/// </summary>
[Collection(SecuredCollection.Name)]
public sealed class FuzzTests(SecuredBot bot, ITestOutputHelper output)
{
    private readonly FuzzTarget _target = new(bot);

    private Task SampleAsync(int endpoints, long cases, Func<int, Mutation[], Task> check, bool http = true) =>
        FuzzRun.SampleAsync(output, http ? _target : null, endpoints, cases, check);

    [Fact]
    public async Task MutatedSignedTeamsActivitiesNeverAnswer5xxAndRefusalsWriteNothing()
    {
        var tenant = await TeamsTenant.CreateAsync(bot.Host);
        var conversation = $"a:1{Guid.NewGuid():N}";
        var valid = new[]
        {
            FuzzTarget.TeamsMessage(tenant, "member", conversation, bot.Teams.ServiceUrl, "show my tickets"),
            FuzzTarget.TeamsMessage(tenant, "admin", conversation, bot.Teams.ServiceUrl, "verify ABCD-EFGH"),
        };

        await SampleAsync(valid.Length, 60, async (i, edits) =>
        {
            var activity = (JsonObject)valid[i].DeepClone();
            activity["id"] = TeamsUser.NewActivityId();
            var body = Mutation.Apply(Encoding.UTF8.GetBytes(activity.ToJsonString()), edits, form: false);
            await _target.CheckAsync(tenant.Organization.Id, "teams", () => _target.PostAsync("/api/messages", body, "application/json",
                r => r.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bot.Teams.Token(TeamsBotHost.AppId, bot.Teams.ServiceUrl))));
        });
    }

    [Fact]
    public async Task MutatedDirectLineRequestsNeverAnswer5xxAndRefusalsWriteNothing()
    {
        var organization = await TestOrganization.CreateAsync(bot.Host);
        using var client = new DirectLineClient(bot.Host);
        var (conversationId, token) = await client.StartAsync(organization, "member");
        var user = new JsonObject { ["id"] = organization.WebChatUserId("member"), ["name"] = "Mia" };
        var valid = new (string Path, string Credential, string Json)[]
        {
            ($"/v3/directline/conversations/{conversationId}/activities", token, DirectLineClient.Message("open a ticket: printer jammed", "c1")),
            ($"/v3/directline/conversations/{conversationId}/activities", token,
                new JsonObject { ["type"] = "message", ["from"] = user.DeepClone(), ["value"] = new JsonObject { ["verb"] = "x", ["n"] = 1.5 } }.ToJsonString()),
            ("/v3/directline/tokens/generate", organization.SiteSecret, new JsonObject { ["user"] = user.DeepClone() }.ToJsonString()),
            ("/v3/directline/conversations", token, "{}"),
            ("/v3/directline/tokens/refresh", token, "{}"),
            ("/webchat/demo/token", "", "{\"member\":\"member\"}"),
        };

        await SampleAsync(valid.Length, 90, async (i, edits) =>
        {
            var (path, credential, json) = valid[i];
            var body = Mutation.Apply(Encoding.UTF8.GetBytes(json), edits, form: false);
            await _target.CheckAsync(organization.Id, "direct line", () => _target.PostAsync(path, body, "application/json",
                r => r.Headers.Authorization = credential.Length == 0 ? null : new AuthenticationHeaderValue("Bearer", credential)));
        });
    }

    [Fact]
    public async Task MutatedSignedSlackRequestsNeverAnswer5xxAndRefusalsWriteNothing()
    {
        var organization = await TestOrganization.CreateAsync(bot.Host);
        var team = $"T{Guid.NewGuid():N}"[..12].ToUpperInvariant();
        await _target.InstallAsync(organization, ChannelNames.Slack, team, handle => $"U{handle.ToUpperInvariant()}{team[1..]}");
        var member = $"UMEMBER{team[1..]}";
        var channel = $"DMEMBER{team[1..]}";
        var envelope = new JsonObject
        {
            ["token"] = "x", ["team_id"] = team, ["api_app_id"] = "A1", ["type"] = "event_callback", ["event_id"] = "Ev1", ["event_time"] = 1,
            ["event"] = new JsonObject { ["type"] = "message", ["channel_type"] = "im", ["channel"] = channel, ["user"] = member, ["text"] = "help", ["ts"] = "1.000001" },
        };
        var click = new JsonObject
        {
            ["type"] = "block_actions", ["team"] = new JsonObject { ["id"] = team }, ["user"] = new JsonObject { ["id"] = member },
            ["channel"] = new JsonObject { ["id"] = channel }, ["message"] = new JsonObject { ["ts"] = "1.000002" },
            ["response_url"] = bot.Slack.ResponseUrl("fuzz").ToString(), ["trigger_id"] = "t",
            ["actions"] = new JsonArray(new JsonObject { ["action_id"] = "approve", ["value"] = "{\"approvalId\":\"00000000-0000-0000-0000-000000000000\",\"decision\":\"approve\"}" }),
        };
        var valid = new (string Path, string ContentType, string Body, bool Form)[]
        {
            ("/api/slack/events", "application/json", envelope.ToJsonString(), false),
            ("/api/slack/interactions", "application/x-www-form-urlencoded", "payload=" + Uri.EscapeDataString(click.ToJsonString()), true),
            ("/api/slack/commands", "application/x-www-form-urlencoded",
                $"command=%2Fop1&text=show+my+tickets&team_id={team}&user_id={member}&channel_id={channel}&response_url={Uri.EscapeDataString(bot.Slack.ResponseUrl("cmd").ToString())}&trigger_id=t", true),
        };

        await SampleAsync(valid.Length, 90, async (i, edits) =>
        {
            var (path, contentType, json, form) = valid[i];
            var body = Mutation.Apply(Encoding.UTF8.GetBytes(json.Replace("Ev1", "Ev" + Guid.NewGuid().ToString("N"), StringComparison.Ordinal)), edits, form);
            await _target.CheckAsync(organization.Id, "slack", () => _target.PostAsync(path, body, contentType, r =>
            {
                var timestamp = SlackSigner.Now();
                r.Headers.Add("X-Slack-Request-Timestamp", timestamp);
                r.Headers.Add("X-Slack-Signature", SlackSigner.Sign(SecuredBot.SlackSigningSecret, timestamp, body));
            }));
        });
    }

    [Fact]
    public async Task MutatedSignedTwilioWebhooksNeverAnswer5xxAndRefusalsWriteNothing()
    {
        var organization = await TestOrganization.CreateAsync(bot.Host);
        var number = PhoneCall.RandomNumber();
        await _target.InstallAsync(organization, ChannelNames.Voice, number, _ => "+15557770000");
        var call = "CA" + Guid.NewGuid().ToString("N");
        var fields = $"CallSid={call}&AccountSid={SecuredBot.TwilioAccountSid}&From=%2B15557770000&To={Uri.EscapeDataString(number)}&CallStatus=in-progress&Direction=inbound";
        var valid = new (string Path, string Body)[]
        {
            ("/api/voice/twilio/incoming", fields),
            ("/api/voice/twilio/gather?step=menu&misses=0", fields + "&SpeechResult=my+open+tickets&Confidence=0.9"),
            ("/api/voice/twilio/gather?step=menu&misses=0", fields + "&Digits=1"),
            ("/api/voice/twilio/status", fields.Replace("in-progress", "completed", StringComparison.Ordinal) + "&CallDuration=12"),
        };

        await SampleAsync(valid.Length, 70, async (i, edits) =>
        {
            var (path, form) = valid[i];
            var body = Mutation.Apply(Encoding.UTF8.GetBytes(form), edits, form: true);
            await _target.CheckAsync(organization.Id, "twilio", () => _target.PostAsync(path, body, "application/x-www-form-urlencoded",
                r => r.Headers.Add("X-Twilio-Signature", FuzzTarget.TwilioSignatureOf(path, body))));
        });
    }

    [Fact]
    public async Task MutatedAdminApiRequestsNeverAnswer5xxAndRefusalsWriteNothingButTheirAudit()
    {
        var organization = await TestOrganization.CreateAsync(bot.Host);
        var (_, key) = await AdminKeys.IssueAsync(bot.Host, organization, "owner");
        var root = AdminKeys.Base(organization);
        var valid = new (HttpMethod Method, string Path, string Json)[]
        {
            (HttpMethod.Patch, root, "{\"name\":\"Fuzzed\",\"approvalExpiryMinutes\":60,\"llm\":{\"model\":\"m\",\"temperature\":0.5,\"dailyTokens\":10}}"),
            (HttpMethod.Post, root + "/members", "{\"handle\":\"fuzz\",\"displayName\":\"Fuzz\",\"email\":\"f@example.com\",\"role\":\"member\"}"),
            (HttpMethod.Post, root + "/teams", $"{{\"name\":\"Fuzzers\",\"memberIds\":[\"{organization.Members["member"]}\"]}}"),
            (HttpMethod.Post, root + "/installations", "{\"channel\":\"webchat\",\"externalId\":\"fuzz-site\",\"displayName\":\"Shop\"}"),
            (HttpMethod.Post, root + "/installations", "{\"channel\":\"msteams\",\"externalId\":\"" + Guid.NewGuid() + "\"}"),
            (HttpMethod.Put, $"{root}/members/{organization.Members["viewer"]}/role", "{\"role\":\"member\"}"),
            (HttpMethod.Post, $"{root}/members/{organization.Members["member"]}/identities", "{\"channel\":\"slack\",\"externalId\":\"U123\"}"),
        };

        await SampleAsync(valid.Length, 90, async (i, edits) =>
        {
            var (method, path, json) = valid[i];
            var body = Mutation.Apply(Encoding.UTF8.GetBytes(json), edits, form: false);
            await _target.CheckAsync(organization.Id, "admin", () => _target.SendAsync(method, path, body, "application/json",
                r => r.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key)), refusalsAudited: true);
        });
    }

    [Fact]
    public async Task MutatedMediaStreamMessagesNeverEndTheSocketAbnormally()
    {
        var organization = await TestOrganization.CreateAsync(bot.Host);
        using var client = new DirectLineClient(bot.Host);
        var (_, token) = await client.GenerateAsync(organization, "member");
        var stream = "MZ" + Guid.NewGuid().ToString("N");
        var frame = Convert.ToBase64String(Enumerable.Repeat((byte)0xFF, 160).ToArray());
        var messages = new[]
        {
            new JsonObject { ["event"] = "connected", ["protocol"] = "Call", ["version"] = "1.0.0" },
            new JsonObject
            {
                ["event"] = "start", ["sequenceNumber"] = "1", ["streamSid"] = stream,
                ["start"] = new JsonObject
                {
                    ["streamSid"] = stream, ["callSid"] = "CA" + Guid.NewGuid().ToString("N"), ["tracks"] = new JsonArray("inbound"),
                    ["customParameters"] = new JsonObject(), ["mediaFormat"] = new JsonObject { ["encoding"] = "audio/x-mulaw", ["sampleRate"] = 8000, ["channels"] = 1 },
                },
            },
            new JsonObject { ["event"] = "media", ["streamSid"] = stream, ["media"] = new JsonObject { ["track"] = "inbound", ["chunk"] = "1", ["timestamp"] = "20", ["payload"] = frame } },
            new JsonObject { ["event"] = "dtmf", ["streamSid"] = stream, ["dtmf"] = new JsonObject { ["digit"] = "1", ["track"] = "inbound_track" } },
            new JsonObject { ["event"] = "mark", ["streamSid"] = stream, ["mark"] = new JsonObject { ["name"] = "m1" } },
            new JsonObject { ["event"] = "stop", ["streamSid"] = stream, ["stop"] = new JsonObject { ["callSid"] = "CA1" } },
        };
        var url = new Uri(bot.Host.BaseAddress.AbsoluteUri.Replace("http://", "ws://", StringComparison.Ordinal) + "api/voice/twilio/stream?t=" + Uri.EscapeDataString(token));

        await SampleAsync(messages.Length, 60, async (i, edits) =>
        {
            using var socket = new ClientWebSocket();
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            await socket.ConnectAsync(url, deadline.Token);
            // Read all along and send at Twilio's pace (a message per 20 ms frame), stopping once the bot has closed.
            var ending = FuzzTarget.ExpectOrderlyEndAsync(socket, deadline.Token);
            for (var m = 0; m < messages.Length && socket.State == WebSocketState.Open && !ending.IsCompleted; m++)
            {
                var bytes = Encoding.UTF8.GetBytes(messages[m].ToJsonString());
                // A text frame that is not UTF-8 never reaches the bot: ASP.NET Core's WebSocket answers it with 1007 itself and
                // then drops the connection, so such edits are sent as the replacement characters they would decode to.
                var sent = m == i ? Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(Mutation.Apply(bytes, edits, form: false))) : bytes;
                await FuzzTarget.SendQuietlyAsync(socket, sent, deadline.Token);
                await Task.Delay(20, deadline.Token);
            }
            await ending;
        }, http: false);
    }
}
