using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using OperatorOne.Bot.Core.Activities;
using OperatorOne.Bot.Core.Turns;
using OperatorOne.Data.Channels;

namespace OperatorOne.Channels.Slack;

/// <summary>
/// Interactivity payloads to turns: a block_actions click on one of our buttons becomes a message whose value is
/// the button's action data ({approvalId, decision}), exactly what Web Chat and Teams send for Action.Submit. Pure.
/// </summary>
internal static class SlackInteractions
{
    public static SlackInbound Read(byte[] body)
    {
        var form = QueryHelpers.ParseQuery("?" + Encoding.UTF8.GetString(body));
        if (!form.TryGetValue("payload", out var raw) || raw.Count != 1 || string.IsNullOrEmpty(raw[0]))
        {
            return new SlackInbound.Invalid("The form has no payload field.");
        }
        JsonObject? payload;
        try
        {
            payload = JsonNode.Parse(raw[0]!) as JsonObject;
        }
        catch (JsonException)
        {
            return new SlackInbound.Invalid("The payload is not JSON.");
        }
        if (payload is null)
        {
            return new SlackInbound.Invalid("The payload is not a JSON object.");
        }
        if (SlackJson.String(payload, "type") != "block_actions")
        {
            return new SlackInbound.Ignored($"Interaction {SlackJson.String(payload, "type")} is not handled.");
        }
        var user = SlackJson.Object(payload, "user");
        var team = SlackJson.String(SlackJson.Object(payload, "team"), "id") ?? SlackJson.String(user, "team_id");
        var userId = SlackJson.String(user, "id");
        var channel = SlackJson.String(SlackJson.Object(payload, "channel"), "id")
            ?? SlackJson.String(SlackJson.Object(payload, "container"), "channel_id");
        if (team is null || userId is null || channel is null || payload["actions"] is not JsonArray { Count: > 0 } actions || actions[0] is not JsonObject action)
        {
            return new SlackInbound.Invalid("block_actions needs team, user, channel and actions.");
        }
        if (SlackJson.String(action, "value") is not { } value || !TryParseObject(value, out var data))
        {
            // Link buttons and foreign buttons carry no action data of ours.
            return new SlackInbound.Ignored("The action carries no data.");
        }
        var messageTs = SlackJson.String(SlackJson.Object(payload, "container"), "message_ts");
        var deliveryId = SlackJson.String(payload, "trigger_id") ?? $"{team}:{userId}:{SlackJson.String(action, "action_ts")}";
        var personal = channel.StartsWith('D');
        var activity = SlackEvents.Message(team, channel, userId, SlackJson.String(action, "action_ts"), personal, SlackEvents.DefaultBot) with
        {
            Value = data,
            ReplyToId = messageTs,
            ChannelData = new JsonObject { ["team_id"] = team, ["postBack"] = true },
        };
        Uri.TryCreate(SlackJson.String(payload, "response_url"), UriKind.Absolute, out var responseUrl);
        return new SlackInbound.Turn(new SlackWork
        {
            Kind = SlackWorkKind.Interaction,
            TeamId = team,
            ResponseUrl = responseUrl,
            Turn = new InboundTurn
            {
                Channel = ChannelNames.Slack,
                DeliveryId = deliveryId,
                InstallationId = team,
                ChannelUserId = userId,
                UserName = SlackJson.String(user, "name") ?? SlackJson.String(user, "username"),
                Activity = activity,
                Reference = ConversationReference.From(activity),
                IsPersonal = personal,
            },
        });
    }

    private static bool TryParseObject(string value, out JsonObject data)
    {
        try
        {
            data = JsonNode.Parse(value) as JsonObject ?? [];
            return data.Count > 0;
        }
        catch (JsonException)
        {
            data = [];
            return false;
        }
    }
}
