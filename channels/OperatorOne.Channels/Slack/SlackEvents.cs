using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using OperatorOne.Bot.Core.Activities;
using OperatorOne.Bot.Core.Turns;
using OperatorOne.Data.Channels;

namespace OperatorOne.Channels.Slack;

/// <summary>Events API envelopes to turns: DMs (message.im, with shared files) and mentions (app_mention), nothing a bot or an edit produced. Pure.</summary>
internal static partial class SlackEvents
{
    public const string AppMention = "app_mention";
    public const string MessageIm = "message.im";
    public const string AppUninstalled = "app_uninstalled";
    public const string TokensRevoked = "tokens_revoked";

    /// <summary>The message subtype of a file shared with text (or none): the files become documents.</summary>
    public const string FileShare = "file_share";

    /// <summary>The subscriptions the manifest must list, exactly.</summary>
    public static IReadOnlyList<string> Subscribed { get; } = [AppMention, MessageIm, AppUninstalled, TokensRevoked];

    public static SlackInbound Read(byte[] body)
    {
        JsonObject? envelope;
        try
        {
            envelope = JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException)
        {
            return new SlackInbound.Invalid("The body is not JSON.");
        }
        if (envelope is null)
        {
            return new SlackInbound.Invalid("The body is not a JSON object.");
        }
        switch (SlackJson.String(envelope, "type"))
        {
            case "url_verification":
                return SlackJson.String(envelope, "challenge") is { Length: > 0 } challenge
                    ? new SlackInbound.Challenge(challenge)
                    : new SlackInbound.Invalid("url_verification without a challenge.");
            case "event_callback":
                return ReadCallback(envelope);
            case null:
                return new SlackInbound.Invalid("The envelope has no type.");
            default:
                return new SlackInbound.Ignored("Not an event callback.");
        }
    }

    private static SlackInbound ReadCallback(JsonObject envelope)
    {
        var team = SlackJson.String(envelope, "team_id");
        var eventId = SlackJson.String(envelope, "event_id");
        if (team is null || eventId is null || envelope["event"] is not JsonObject inner)
        {
            return new SlackInbound.Invalid("event_callback needs team_id, event_id and event.");
        }
        var type = SlackJson.String(inner, "type");
        if (type == AppUninstalled
            || (type == TokensRevoked && SlackJson.Object(inner, "tokens") is { } tokens && tokens["bot"] is JsonArray { Count: > 0 }))
        {
            return new SlackInbound.Revoked(team, type);
        }
        var isDm = type == "message" && SlackJson.String(inner, "channel_type") == "im";
        if (type != AppMention && !isDm)
        {
            return new SlackInbound.Ignored($"Event {type} is not handled.");
        }
        // Our own replies come back as message.im with bot_id; edits, joins and deletions carry a subtype. Of the
        // subtypes only a shared file is a person speaking to us (listed, not excluded: new subtypes stay ignored).
        if (inner["bot_id"] is not null || (inner["subtype"] is not null && SlackJson.String(inner, "subtype") != FileShare))
        {
            return new SlackInbound.Ignored("A bot message or a message subtype.");
        }
        var user = SlackJson.String(inner, "user");
        var channel = SlackJson.String(inner, "channel");
        var ts = SlackJson.String(inner, "ts");
        if (user is null || channel is null || ts is null)
        {
            return new SlackInbound.Invalid("The event needs user, channel and ts.");
        }
        var text = Mrkdwn.Unescape(LeadingMention().Replace(SlackJson.String(inner, "text") ?? "", ""));
        var files = SlackFile.Read(inner);
        var activity = Message(team, channel, user, ts, isDm, BotAccount(envelope)) with
        {
            Text = text.Trim(),
            ChannelData = new JsonObject { ["team_id"] = team, ["event_id"] = eventId, ["event_type"] = type },
            // Names only, for the transcript: the private download addresses stay with the queued work.
            Attachments = files.Count == 0 ? null : [.. files.Select(f => new Attachment { ContentType = f.MimeType ?? "application/octet-stream", Name = f.Name })],
        };
        return new SlackInbound.Turn(new SlackWork
        {
            Kind = SlackWorkKind.Message,
            TeamId = team,
            // Mentions are answered in their thread so a busy channel stays readable; DMs in the flow.
            ThreadTs = isDm ? SlackJson.String(inner, "thread_ts") : SlackJson.String(inner, "thread_ts") ?? ts,
            Files = files,
            Turn = new InboundTurn
            {
                Channel = ChannelNames.Slack,
                DeliveryId = eventId,
                InstallationId = team,
                ChannelUserId = user,
                Activity = activity,
                Reference = ConversationReference.From(activity),
                IsPersonal = isDm,
            },
        });
    }

    /// <summary>The activity shape every Slack turn shares: Slack's ids, the team as tenant.</summary>
    public static Activity Message(string team, string channel, string user, string? ts, bool personal, ChannelAccount bot) => new()
    {
        Type = ActivityTypes.Message,
        Id = ts,
        Timestamp = Timestamp(ts),
        ChannelId = ChannelNames.Slack,
        From = new ChannelAccount { Id = user, Role = "user" },
        Recipient = bot,
        Conversation = new ConversationAccount
        {
            Id = channel,
            TenantId = team,
            ConversationType = personal ? "personal" : "channel",
            IsGroup = !personal,
        },
    };

    public static ChannelAccount DefaultBot => OperatorOne.Bot.Core.Channels.BotAccount.Default;

    private static ChannelAccount BotAccount(JsonObject envelope) =>
        envelope["authorizations"] is JsonArray { Count: > 0 } authorizations && authorizations[0] is JsonObject first
            && first["is_bot"]?.GetValueKind() == JsonValueKind.True && SlackJson.String(first, "user_id") is { } botUser
            ? DefaultBot with { Id = botUser }
            : DefaultBot;

    private static DateTimeOffset? Timestamp(string? ts) =>
        decimal.TryParse(ts, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds) && seconds < 32503680000m
            ? DateTimeOffset.FromUnixTimeMilliseconds((long)(seconds * 1000))
            : null;

    [GeneratedRegex(@"^\s*<@[UW][A-Z0-9]+(\|[^>]*)?>[\s,:]*")]
    private static partial Regex LeadingMention();
}
