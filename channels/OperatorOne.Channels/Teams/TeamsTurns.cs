using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using OperatorOne.Bot.Core.Activities;
using OperatorOne.Bot.Core.Turns;
using OperatorOne.Data.Channels;

namespace OperatorOne.Channels.Teams;

/// <summary>Turns a verified Teams activity into the core's <see cref="InboundTurn"/>; pure, so it is unit-tested without a host.</summary>
internal static partial class TeamsTurns
{
    public const string AdaptiveCardAction = "adaptiveCard/action";

    public static InboundTurn? ToInboundTurn(Activity activity)
    {
        var tenant = TenantId(activity);
        if (activity.Id is not { Length: > 0 } id || activity.Conversation is not { Id.Length: > 0 } conversation
            || activity.From is not { Id.Length: > 0 } from || tenant is null)
        {
            return null;
        }
        var core = activity with
        {
            Text = activity.Type == ActivityTypes.Message ? StripMentions(activity.Text) : activity.Text,
            Value = activity.Type == ActivityTypes.Invoke && activity.Name == AdaptiveCardAction
                ? (activity.Value is JsonObject invoke && invoke["action"] is JsonObject action ? action["data"]?.DeepClone() : null) : activity.Value,
            MembersAdded = activity.Type == ActivityTypes.ConversationUpdate ? WelcomeMembers(activity) : activity.MembersAdded,
        };
        return new InboundTurn
        {
            Channel = ChannelNames.Teams,
            DeliveryId = $"{conversation.Id}|{id}",
            InstallationId = tenant,
            // The Entra object id is stable across the tenant; the 29: id differs per bot.
            ChannelUserId = string.IsNullOrEmpty(from.AadObjectId) ? from.Id : from.AadObjectId,
            UserName = from.Name,
            Activity = core,
            Reference = ConversationReference.From(activity),
            IsPersonal = conversation.ConversationType is null or "personal" && conversation.IsGroup != true,
        };
    }

    /// <summary>The verb of an Action.Execute invoke ("approve", "reject", "refresh").</summary>
    public static string? Verb(Activity activity) => Text(activity.Value, "action", "verb");

    public static string? TenantId(Activity activity)
    {
        if (Text(activity.ChannelData, "tenant", "id") is { Length: > 0 } tenant)
        {
            return tenant;
        }
        return string.IsNullOrEmpty(activity.Conversation?.TenantId) ? null : activity.Conversation.TenantId;
    }

    /// <summary>A string two objects deep, or null when any step is missing or of another kind (a client's JSON may be anything).</summary>
    private static string? Text(JsonNode? node, string outer, string inner) =>
        node is JsonObject first && first[outer] is JsonObject second && second[inner] is JsonNode value && value.GetValueKind() == JsonValueKind.String
            ? value.GetValue<string>() : null;

    /// <summary>In channels and group chats the bot is addressed as &lt;at&gt;Name&lt;/at&gt;; the words are what follows.</summary>
    public static string? StripMentions(string? text) =>
        text is null ? null : Whitespace().Replace(Mention().Replace(text, " "), " ").Trim();

    /// <summary>
    /// The core welcomes a person who joins. Teams announces an install as the bot joining, with the installer as
    /// sender, so that becomes the installer joining; other people joining a team are not greeted one by one.
    /// </summary>
    private static List<ChannelAccount> WelcomeMembers(Activity activity)
    {
        var botAdded = activity.MembersAdded?.Any(m => m.Id == activity.Recipient?.Id) ?? false;
        return botAdded && activity.From is { } installer && installer.Id != activity.Recipient?.Id ? [installer] : [];
    }

    [GeneratedRegex(@"<at\b[^>]*>.*?</at>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Mention();

    [GeneratedRegex(@"\s{2,}")]
    private static partial Regex Whitespace();
}
