using Microsoft.Extensions.Options;
using OperatorOne.Bot.Core.Activities;
using OperatorOne.Bot.Core.Tenancy;
using OperatorOne.Bot.Core.Turns;
using OperatorOne.Channels.Voice.Media;
using OperatorOne.Data;
using OperatorOne.Data.Channels;

namespace OperatorOne.Channels.Voice;

/// <summary>Where a caller's turn stands: finished (with its answer, or none when the number is not installed), or still running.</summary>
internal sealed record TurnProgress(bool Finished, VoiceAnswer? Answer)
{
    public static readonly TurnProgress Running = new(false, null);
}

/// <summary>
/// One call step through the core's one entry: the call is the conversation (CallSid), the called number the
/// installation, the caller number the identity, and CallSid + step the delivery id, so a repeated callback is
/// answered from the transcript instead of being run again. A step that outlasts the budget has been stored by the
/// core; the caller is put on hold and hears the answer once it is in the transcript.
/// </summary>
internal sealed class VoiceTurns(TurnLoop turns, OperatorOneDb db, TimeProvider clock, IOptions<VoiceMediaOptions> options)
{
    public Task<Guid?> FindOrganizationAsync(string calledNumber, CancellationToken cancellationToken) =>
        Installations.FindOrganizationAsync(db, ChannelNames.Voice, calledNumber, cancellationToken);

    /// <summary>The call starts: a welcome for this caller (by name when the number belongs to a member).</summary>
    public async Task<VoiceAnswer?> StartAsync(VoiceRequest call, CancellationToken cancellationToken) =>
        (await RunAsync(call, 0, new Activity
        {
            Type = ActivityTypes.ConversationUpdate,
            MembersAdded = [new ChannelAccount { Id = call.From }],
        }, budget: null, cancellationToken)).Answer;

    /// <summary>
    /// What the caller said or keyed at <paramref name="step"/>; when the last answer offered choices
    /// (<paramref name="offeredChoices"/>, from the bot's own Gather URL), a key or a title naming one submits that choice.
    /// </summary>
    public async Task<TurnProgress> SayAsync(VoiceRequest call, int step, string input, Guid organizationId, bool offeredChoices,
        CancellationToken cancellationToken)
    {
        var choice = offeredChoices ? await ChoiceAsync(call, input, organizationId, cancellationToken) : null;
        var activity = choice is null
            ? Activity.Message(input)
            : new Activity { Type = ActivityTypes.Message, Text = choice.Title, Value = choice.Data.DeepClone() };
        return await RunAsync(call, step, activity, options.Value.TurnBudget, cancellationToken);
    }

    private async Task<TurnProgress> RunAsync(VoiceRequest call, int step, Activity activity, TimeSpan? budget, CancellationToken cancellationToken)
    {
        var turn = Turn(call, step, activity, clock.GetUtcNow());
        return await turns.ProcessAsync(turn, budget, cancellationToken) switch
        {
            TurnOutcome.Completed { Result.Status: TurnStatus.UnknownInstallation } => new TurnProgress(true, null),
            TurnOutcome.Completed { Result: { Status: TurnStatus.Duplicate, OrganizationId: { } organizationId } } =>
                await AnsweredAsync(call, step, organizationId, cancellationToken) is { } answer ? new TurnProgress(true, answer) : TurnProgress.Running,
            TurnOutcome.Completed { Result: var result } => new TurnProgress(true, VoiceSpeech.Render(result.Replies)),
            _ => TurnProgress.Running,
        };
    }

    /// <summary>The turn for one call step: CallSid + step is the delivery id, so a repeated callback runs once.</summary>
    public static InboundTurn Turn(VoiceRequest call, int step, Activity activity, DateTimeOffset now)
    {
        var deliveryId = DeliveryId(call, step);
        var bot = new ChannelAccount { Id = call.To, Role = "bot" };
        var user = new ChannelAccount { Id = call.From, Role = "user" };
        var conversation = new ConversationAccount { Id = call.CallSid, ConversationType = "personal", TenantId = call.To };
        return new InboundTurn
        {
            Channel = ChannelNames.Voice,
            DeliveryId = deliveryId,
            InstallationId = call.To,
            ChannelUserId = call.From,
            Activity = activity with
            {
                Id = deliveryId,
                ChannelId = ChannelNames.Voice,
                Timestamp = now,
                From = user,
                Recipient = bot,
                Conversation = conversation,
            },
            Reference = new ConversationReference { ChannelId = ChannelNames.Voice, Conversation = conversation, Bot = bot, User = user },
            // The call hears the answer in the webhook's TwiML while it waits for it.
            AnswerInResponse = true,
        };
    }

    private static string DeliveryId(VoiceRequest call, int step) => $"{call.CallSid}:{step}";

    /// <summary>The answer the turn of <paramref name="step"/> committed, read back from the transcript (so on any replica); null while it has not.</summary>
    public async Task<VoiceAnswer?> AnsweredAsync(VoiceRequest call, int step, Guid organizationId, CancellationToken cancellationToken)
    {
        await db.UseOrganizationAsync(organizationId, cancellationToken);
        return await TranscriptAnswers.ReadAsync(db, ChannelNames.Voice, call.CallSid, DeliveryId(call, step), cancellationToken) is { } replies
            ? VoiceSpeech.Render(replies)
            : null;
    }

    private async Task<VoiceChoice?> ChoiceAsync(VoiceRequest call, string input, Guid organizationId, CancellationToken cancellationToken)
    {
        await db.UseOrganizationAsync(organizationId, cancellationToken);
        var recent = await TranscriptAnswers.RecentAsync(db, ChannelNames.Voice, call.CallSid, cancellationToken);
        if (recent.Count == 0)
        {
            return null;
        }
        var lastTurn = recent[^1].ReplyToId;
        var choices = VoiceSpeech.Render(recent.Where(a => a.ReplyToId == lastTurn).ToList()).Choices;
        return VoiceChoices.Pick(choices, input);
    }
}

/// <summary>Which numbered choice a caller picked, by key or by saying its title.</summary>
internal static class VoiceChoices
{
    public static VoiceChoice? Pick(IReadOnlyList<VoiceChoice> choices, string input)
    {
        var text = input.Trim().TrimEnd('.', '!', '?');
        return choices.FirstOrDefault(c => text == c.Key.ToString(System.Globalization.CultureInfo.InvariantCulture))
            ?? choices.FirstOrDefault(c => string.Equals(text, c.Title, StringComparison.OrdinalIgnoreCase));
    }
}
