using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using OperatorOne.Bot.Core.Activities;
using OperatorOne.Bot.Core.Turns;
using OperatorOne.Data.Channels;

namespace OperatorOne.Channels.Slack;

/// <summary>The slash command <c>/op1 &lt;text&gt;</c> as a turn: the text is said to the bot, as in a DM. Pure.</summary>
internal static class SlackCommands
{
    public const string Command = "/op1";

    public static SlackInbound Read(byte[] body)
    {
        var form = QueryHelpers.ParseQuery("?" + Encoding.UTF8.GetString(body));
        string? Field(string name) => form.TryGetValue(name, out var value) && value.Count == 1 ? value[0] : null;

        if (Field("ssl_check") == "1")
        {
            return new SlackInbound.Ignored("Certificate check.");
        }
        var team = Field("team_id");
        var user = Field("user_id");
        var channel = Field("channel_id");
        var triggerId = Field("trigger_id");
        if (string.IsNullOrEmpty(team) || string.IsNullOrEmpty(user) || string.IsNullOrEmpty(channel) || string.IsNullOrEmpty(triggerId))
        {
            return new SlackInbound.Invalid("A slash command needs team_id, user_id, channel_id and trigger_id.");
        }
        if (Field("command") is { } command && command != Command)
        {
            return new SlackInbound.Invalid($"Unknown command {command}.");
        }
        // Its own conversation, answered ephemerally: the command may be typed where the bot cannot post.
        var activity = SlackEvents.Message(team, SlackAddress.Ephemeral(channel, user), user, ts: null, personal: false, SlackEvents.DefaultBot) with
        {
            Text = Mrkdwn.Unescape(Field("text") ?? "").Trim(),
            ChannelData = new JsonObject { ["team_id"] = team, ["command"] = Command },
        };
        Uri.TryCreate(Field("response_url"), UriKind.Absolute, out var responseUrl);
        return new SlackInbound.Turn(new SlackWork
        {
            Kind = SlackWorkKind.Command,
            TeamId = team,
            ResponseUrl = responseUrl,
            Turn = new InboundTurn
            {
                Channel = ChannelNames.Slack,
                DeliveryId = triggerId,
                InstallationId = team,
                ChannelUserId = user,
                UserName = Field("user_name"),
                Activity = activity,
                Reference = ConversationReference.From(activity),
                // The answer is ephemeral and the channel may not be ours: never a target for proactive notices.
                IsPersonal = false,
            },
        });
    }
}
