using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using OperatorOne.Channels.Slack;
using OperatorOne.Channels.WebChat;
using OperatorOne.Data.Channels;
using OperatorOne.Tests.Infrastructure;
using OperatorOne.Tests.WebChat;
using OperatorOne.Tests.Voice;

namespace OperatorOne.Tests.Security;

/// <summary>
/// The channel endpoints beyond the message webhooks, fuzzed like them: the web chat upload (multipart) and member
/// sign-in, the Slack OAuth callback, and Twilio's hold redirect. No 5xx; a refusal writes no row of the organization.
/// </summary>
[Collection(SecuredCollection.Name)]
public sealed class ChannelFuzzTests(SecuredBot bot, ITestOutputHelper output)
{
    private const string Boundary = "fuzzb0";

    private readonly FuzzTarget _target = new(bot);

    [Fact]
    public async Task MutatedWebChatUploadsAndMemberSignInsNeverAnswer5xxAndRefusalsWriteNothing()
    {
        var organization = await TestOrganization.CreateAsync(bot.Host);
        using var client = new DirectLineClient(bot.Host);
        var (conversationId, token) = await client.StartAsync(organization, "member");
        var userId = organization.WebChatUserId("member");
        var memberKey = bot.Host.Services.GetRequiredService<WebChatMemberKeys>().Issue(organization.Id, organization.SiteId, userId);
        var upload = $"/v3/directline/conversations/{conversationId}/upload?userId={Uri.EscapeDataString(userId)}";
        var valid = new (string Path, string Credential, string ContentType, string Body)[]
        {
            (upload, token, $"multipart/form-data; boundary={Boundary}", Multipart(Activity(userId, null), ("notes.txt", "text/plain", "Printer on floor 2 jams on A3."))),
            (upload, token, $"multipart/form-data; boundary={Boundary}",
                Multipart(Activity(userId, "keep this for the team"), ("plan.csv", "text/csv", "name,room\nAda,4\n"), ("b.txt", "text/plain", "second"))),
            ("/webchat/session/token", "", "application/json", new JsonObject { ["key"] = memberKey }.ToJsonString()),
        };

        await FuzzRun.SampleAsync(output, _target, valid.Length, 40, async (i, edits) =>
        {
            var (path, credential, contentType, text) = valid[i];
            var body = Mutation.Apply(Encoding.UTF8.GetBytes(text.Replace("{client}", Guid.NewGuid().ToString("N"), StringComparison.Ordinal)), edits, form: false);
            await _target.CheckAsync(organization.Id, "web chat", () => _target.PostAsync(path, body, contentType,
                r => r.Headers.Authorization = credential.Length == 0 ? null : new AuthenticationHeaderValue("Bearer", credential)));
        });
    }

    [Fact]
    public async Task MutatedSlackOAuthCallbacksNeverAnswer5xxAndRefusalsWriteNothing()
    {
        var organization = await TestOrganization.CreateAsync(bot.Host);
        var installLink = bot.Host.Services.GetRequiredService<SlackInstallState>().InstallLink(organization.Id);
        using var installer = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = bot.Host.BaseAddress };
        var valid = new[] { "code={code}&state={state}", "error=access_denied&state={state}", "state={state}&code={code}&error=" };

        // Each case starts its own install, as a browser would: a fresh signed state and the cookie it is bound to.
        async Task CallBackAsync(string template, Func<byte[], byte[]> damage)
        {
            using var start = await installer.GetAsync(installLink);
            Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
            var state = QueryHelpers.ParseQuery(start.Headers.Location!.Query)["state"].ToString();
            var cookie = start.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
            var query = template.Replace("{code}", $"C{Guid.NewGuid():N}"[..12].ToUpperInvariant(), StringComparison.Ordinal)
                .Replace("{state}", Uri.EscapeDataString(state), StringComparison.Ordinal);
            var sent = FuzzTarget.Escape(damage(Encoding.UTF8.GetBytes(query)), keep: "&=%+");
            await _target.CheckAsync(organization.Id, "slack oauth", () => _target.GetAsync("/api/slack/oauth/callback?" + sent,
                r => r.Headers.Add("Cookie", cookie)));
        }

        // The callback as Slack sends it counts as the run's success: whether a mutated one still installs depends on
        // where the edits land in the fresh state, so the fixed seed alone cannot promise one.
        await CallBackAsync(valid[0], query => query);
        await FuzzRun.SampleAsync(output, _target, valid.Length, 30, (i, edits) => CallBackAsync(valid[i], query => Mutation.Apply(query, edits, form: true)));
    }

    [Fact]
    public async Task MutatedSignedTwilioHoldRedirectsNeverAnswer5xxAndRefusalsWriteNothing()
    {
        var organization = await TestOrganization.CreateAsync(bot.Host);
        var number = PhoneCall.RandomNumber();
        await _target.InstallAsync(organization, ChannelNames.Voice, number, _ => "+15557770000");
        var call = "CA" + Guid.NewGuid().ToString("N");
        var fields = $"CallSid={call}&AccountSid={SecuredBot.TwilioAccountSid}&From=%2B15557770000&To={Uri.EscapeDataString(number)}&CallStatus=in-progress&Direction=inbound";
        // The caller asked something at step 1: the holds below find its answer instead of waiting out the budget.
        var asked = Encoding.UTF8.GetBytes(fields + "&SpeechResult=my+open+tickets&Confidence=0.9");
        using var gather = await _target.PostAsync("/api/voice/twilio/gather?step=1&misses=0", asked, "application/x-www-form-urlencoded",
            r => r.Headers.Add("X-Twilio-Signature", FuzzTarget.TwilioSignatureOf("/api/voice/twilio/gather?step=1&misses=0", asked)));
        Assert.Equal(HttpStatusCode.OK, gather.StatusCode);
        var valid = new (string Path, string Body)[]
        {
            ("/api/voice/twilio/wait?step=1&misses=0&hold=1", fields),
            ("/api/voice/twilio/wait?step=1&misses=1&hold=4", fields + "&CallDuration=30"),
            ("/api/voice/twilio/wait?step=2&misses=0&hold=2", fields),
        };

        await FuzzRun.SampleAsync(output, _target, valid.Length, 30, async (i, edits) =>
        {
            var (path, form) = valid[i];
            var body = Mutation.Apply(Encoding.UTF8.GetBytes(form), edits, form: true);
            await _target.CheckAsync(organization.Id, "twilio hold", () => _target.PostAsync(path, body, "application/x-www-form-urlencoded",
                r => r.Headers.Add("X-Twilio-Signature", FuzzTarget.TwilioSignatureOf(path, body))));
        });
    }

    private static JsonObject Activity(string userId, string? text)
    {
        var activity = new JsonObject
        {
            ["type"] = "message",
            ["from"] = new JsonObject { ["id"] = userId },
            ["attachments"] = new JsonArray(new JsonObject { ["contentType"] = "text/plain", ["name"] = "notes.txt" }),
            ["channelData"] = new JsonObject { ["clientActivityID"] = "{client}" },
        };
        if (text is not null)
        {
            activity["text"] = text;
        }
        return activity;
    }

    /// <summary>What Web Chat's attach button sends: an activity part, then one part per file.</summary>
    private static string Multipart(JsonObject activity, params (string Name, string ContentType, string Content)[] files)
    {
        var body = new StringBuilder();
        body.Append($"--{Boundary}\r\nContent-Disposition: form-data; name=\"activity\"; filename=\"blob\"\r\nContent-Type: application/vnd.microsoft.activity\r\n\r\n");
        body.Append(activity.ToJsonString()).Append("\r\n");
        foreach (var (name, contentType, content) in files)
        {
            body.Append($"--{Boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\nContent-Type: {contentType}\r\n\r\n{content}\r\n");
        }
        return body.Append($"--{Boundary}--\r\n").ToString();
    }
}
