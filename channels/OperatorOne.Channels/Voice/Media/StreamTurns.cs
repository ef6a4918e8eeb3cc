using Microsoft.Extensions.Options;
using OperatorOne.Bot.Core.Activities;
using OperatorOne.Bot.Core.Channels;
using OperatorOne.Bot.Core.Turns;
using OperatorOne.Data;
using OperatorOne.Data.Channels;

namespace OperatorOne.Channels.Voice.Media;

/// <summary>
/// The turns of a streamed call. A phone call goes through <see cref="VoiceTurns"/> exactly like a Gather call (the
/// call is the conversation, the caller's number the identity); a browser call is a turn of the user's web chat
/// conversation, so what was said by voice shows in the same transcript and chat. A turn past the budget has been
/// stored by the core; the stream waits for its answer in the transcript.
/// </summary>
internal sealed class StreamTurns(VoiceTurns voice, TurnLoop turns, OperatorOneDb db, TimeProvider clock, IOptions<VoiceMediaOptions> options)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    public async Task<TurnProgress> WelcomeAsync(MediaCaller caller, CancellationToken cancellationToken) =>
        caller.Phone is { } call
            ? new TurnProgress(true, await voice.StartAsync(call, cancellationToken))
            : await RunBrowserAsync(caller, 0, new Activity { Type = ActivityTypes.ConversationUpdate, MembersAdded = [User(caller)] }, null, cancellationToken);

    public Task<TurnProgress> SayAsync(MediaCaller caller, int step, string text, CancellationToken cancellationToken) =>
        caller.Phone is { } call
            // A streamed call has no Gather URL to say whether choices were offered: its recent answers are always read.
            ? voice.SayAsync(call, step, text, caller.OrganizationId, offeredChoices: true, cancellationToken)
            : RunBrowserAsync(caller, step, Activity.Message(text), options.Value.TurnBudget, cancellationToken);

    /// <summary>Waits up to <paramref name="patience"/> for the answer the turn of <paramref name="step"/> committed.</summary>
    public async Task<VoiceAnswer?> WaitAsync(MediaCaller caller, int step, TimeSpan patience, CancellationToken cancellationToken)
    {
        var started = clock.GetTimestamp();
        while (clock.GetElapsedTime(started) < patience)
        {
            var answer = caller.Phone is { } call
                ? await voice.AnsweredAsync(call, step, caller.OrganizationId, cancellationToken)
                : await BrowserAnswerAsync(caller, step, cancellationToken);
            if (answer is not null)
            {
                return answer;
            }
            await Task.Delay(PollInterval, clock, cancellationToken);
        }
        return null;
    }

    private async Task<VoiceAnswer?> BrowserAnswerAsync(MediaCaller caller, int step, CancellationToken cancellationToken)
    {
        await db.UseOrganizationAsync(caller.OrganizationId, cancellationToken);
        var session = caller.Browser!;
        return await TranscriptAnswers.ReadAsync(db, ChannelNames.WebChat, session.ConversationId, DeliveryId(caller, step), cancellationToken) is { } replies
            ? VoiceSpeech.Render(replies)
            : null;
    }

    private async Task<TurnProgress> RunBrowserAsync(MediaCaller caller, int step, Activity activity, TimeSpan? budget, CancellationToken cancellationToken)
    {
        var session = caller.Browser ?? throw new InvalidOperationException("A browser call needs its token.");
        var user = User(caller);
        var conversation = new ConversationAccount { Id = session.ConversationId };
        var deliveryId = DeliveryId(caller, step);
        var turn = new InboundTurn
        {
            Channel = ChannelNames.WebChat,
            DeliveryId = deliveryId,
            InstallationId = session.Site,
            ChannelUserId = session.UserId,
            UserName = session.UserName,
            Activity = activity with
            {
                Id = deliveryId,
                ChannelId = ChannelNames.WebChat,
                Timestamp = clock.GetUtcNow(),
                From = user,
                Recipient = BotAccount.Default,
                Conversation = conversation,
            },
            Reference = new ConversationReference { ChannelId = ChannelNames.WebChat, Conversation = conversation, Bot = BotAccount.Default, User = user },
        };
        return await turns.ProcessAsync(turn, budget, cancellationToken) switch
        {
            TurnOutcome.Completed { Result.Status: TurnStatus.UnknownInstallation } => new TurnProgress(true, null),
            TurnOutcome.Completed { Result.Status: TurnStatus.Duplicate } => await BrowserAnswerAsync(caller, step, cancellationToken) is { } answer
                ? new TurnProgress(true, answer) : TurnProgress.Running,
            TurnOutcome.Completed { Result: var result } => new TurnProgress(true, VoiceSpeech.Render(result.Replies)),
            _ => TurnProgress.Running,
        };
    }

    private static string DeliveryId(MediaCaller caller, int step) => $"{caller.Browser!.ConversationId}|call-{caller.Session}-{step}";

    private static ChannelAccount User(MediaCaller caller) =>
        new() { Id = caller.Browser!.UserId, Name = caller.Browser.UserName, Role = "user" };
}
