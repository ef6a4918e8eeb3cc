using OperatorOne.Bot.Core.Activities;
using OperatorOne.Bot.Core.Turns;
using OperatorOne.Channels.WebChat;
using OperatorOne.Data.Channels;

namespace OperatorOne.Channels.Voice.Media;

/// <summary>
/// The turns of a streamed call. A phone call goes through <see cref="VoiceTurns"/> exactly like a Gather call (the
/// call is the conversation, the caller's number the identity); a browser call is a turn of the user's web chat
/// conversation, so what was said by voice shows in the same transcript.
/// </summary>
internal sealed class StreamTurns(VoiceTurns voice, TurnPipeline pipeline, TimeProvider clock)
{
    public Task<VoiceAnswer?> WelcomeAsync(MediaCaller caller, CancellationToken cancellationToken) =>
        caller.Phone is { } call
            ? voice.StartAsync(call, cancellationToken)
            : RunBrowserAsync(caller, 0, new Activity { Type = ActivityTypes.ConversationUpdate, MembersAdded = [User(caller)] }, cancellationToken);

    public Task<VoiceAnswer?> SayAsync(MediaCaller caller, int step, string text, CancellationToken cancellationToken) =>
        caller.Phone is { } call
            ? voice.SayAsync(call, step, text, caller.OrganizationId, cancellationToken)
            : RunBrowserAsync(caller, step, Activity.Message(text), cancellationToken);

    private async Task<VoiceAnswer?> RunBrowserAsync(MediaCaller caller, int step, Activity activity, CancellationToken cancellationToken)
    {
        var token = caller.Browser ?? throw new InvalidOperationException("A browser call needs its token.");
        var user = User(caller);
        var conversation = new ConversationAccount { Id = token.Conv };
        var deliveryId = $"{token.Conv}|call-{caller.Session}-{step}";
        var turn = new InboundTurn
        {
            Channel = ChannelNames.WebChat,
            DeliveryId = deliveryId,
            InstallationId = token.Site,
            ChannelUserId = token.User,
            UserName = token.Name,
            Activity = activity with
            {
                Id = deliveryId,
                ChannelId = ChannelNames.WebChat,
                Timestamp = clock.GetUtcNow(),
                From = user,
                Recipient = WebChatTurns.Bot,
                Conversation = conversation,
            },
            Reference = new ConversationReference { ChannelId = ChannelNames.WebChat, Conversation = conversation, Bot = WebChatTurns.Bot, User = user },
        };
        var result = await pipeline.RunAsync(turn, cancellationToken);
        return result.Status == TurnStatus.UnknownInstallation ? null : VoiceSpeech.Render(result.Replies);
    }

    private static ChannelAccount User(MediaCaller caller) =>
        new() { Id = caller.Browser!.User, Name = caller.Browser.Name, Role = "user" };
}
