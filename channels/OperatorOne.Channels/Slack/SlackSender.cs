using Microsoft.Extensions.Options;
using OperatorOne.Bot.Core.Activities;
using OperatorOne.Bot.Core.Channels;
using OperatorOne.Data.Channels;

namespace OperatorOne.Channels.Slack;

/// <summary>
/// The outbox's way into Slack: chat.postMessage (after conversations.open when addressed to a user), chat.update
/// for card copies, chat.postEphemeral for slash-command conversations. Errors become retry or give-up decisions.
/// </summary>
internal sealed class SlackSender(SlackApi api, SlackWorkspaces workspaces, IOptions<SlackOptions> options) : IChannelSender
{
    private const string EphemeralPrefix = "ephemeral:";

    public string Channel => ChannelNames.Slack;

    public async Task<DeliveryResult> SendAsync(ConversationReference reference, Activity activity, CancellationToken cancellationToken)
    {
        if (SlackJson.String(activity.ChannelData, SlackWork.ResponseUrlKey) is { } responseUrl)
        {
            return await RespondAsync(responseUrl, activity, cancellationToken);
        }
        if (await TokenAsync(reference, cancellationToken) is not { } token)
        {
            return NoToken(reference);
        }
        var address = SlackAddress.Parse(reference.Conversation.Id);
        var message = BlockKit.Render(activity);
        if (address.EphemeralUser is { } user)
        {
            var ephemeral = await api.PostEphemeralAsync(token, address.Channel, user, message, cancellationToken);
            return ephemeral.ToDelivery(r => EphemeralPrefix + r.String("message_ts"));
        }
        var channel = address.Channel;
        if (address.IsUser)
        {
            var opened = await api.OpenConversationAsync(token, channel, cancellationToken);
            if (!opened.Ok || SlackJson.String(SlackJson.Object(opened.Body, "channel"), "id") is not { } dm)
            {
                return opened.Ok ? new DeliveryResult.Undeliverable("Slack: conversations.open returned no channel.", false) : opened.ToDelivery(_ => "");
            }
            channel = dm;
        }
        var threadTs = SlackJson.String(activity.ChannelData, "thread_ts");
        var posted = await api.PostMessageAsync(token, channel, message, threadTs, cancellationToken);
        return posted.ToDelivery(r => SlackAddress.MessageId(r.String("channel") ?? channel, r.String("ts") ?? ""));
    }

    public async Task<DeliveryResult> UpdateAsync(ConversationReference reference, string activityId, Activity activity, CancellationToken cancellationToken)
    {
        if (activityId.StartsWith(EphemeralPrefix, StringComparison.Ordinal))
        {
            return new DeliveryResult.Undeliverable("Slack cannot update an ephemeral message.", StaleConversation: false);
        }
        if (await TokenAsync(reference, cancellationToken) is not { } token)
        {
            return NoToken(reference);
        }
        var (channel, ts) = SlackAddress.ParseMessageId(activityId);
        var updated = await api.UpdateMessageAsync(token, channel ?? SlackAddress.Parse(reference.Conversation.Id).Channel, ts,
            BlockKit.Render(activity), cancellationToken);
        return updated.ToDelivery(_ => activityId);
    }

    /// <summary>A click's or command's answer goes to that person only, through the response_url Slack signed it with.</summary>
    private async Task<DeliveryResult> RespondAsync(string responseUrl, Activity activity, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(responseUrl, UriKind.Absolute, out var url) || !IsSlackResponseUrl(url))
        {
            return new DeliveryResult.Undeliverable("The response_url is not Slack's.", StaleConversation: false);
        }
        var answered = await api.RespondAsync(url, BlockKit.Render(activity), replaceOriginal: false, cancellationToken);
        return answered.ToDelivery(_ => EphemeralPrefix + activity.Id);
    }

    /// <summary>response_url comes from a signed payload, but we still only ever post to Slack (or the configured stand-in).</summary>
    private bool IsSlackResponseUrl(Uri url) =>
        (url.Scheme == "https" && url.Host == "hooks.slack.com")
        || (url.Scheme == options.Value.ApiBaseUrl.Scheme && url.Authority == options.Value.ApiBaseUrl.Authority);

    private async Task<string?> TokenAsync(ConversationReference reference, CancellationToken cancellationToken) =>
        reference.Conversation.TenantId is { } team ? await workspaces.BotTokenAsync(team, cancellationToken) : null;

    private static DeliveryResult.Undeliverable NoToken(ConversationReference reference) =>
        new($"No Slack bot token for workspace {reference.Conversation.TenantId}.", StaleConversation: false);
}
