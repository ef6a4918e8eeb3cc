using Microsoft.EntityFrameworkCore;
using OperatorOne.Bot.Core.Activities;
using OperatorOne.Bot.Core.Tenancy;
using OperatorOne.Bot.Core.Turns;
using OperatorOne.Data;
using OperatorOne.Data.Conversations;
using OperatorOne.Data.Channels;

namespace OperatorOne.Channels.Voice;

/// <summary>
/// One call step through the core: the call is the conversation (CallSid), the called number the installation, the
/// caller number the identity, and CallSid + step the delivery id, so a repeated callback is answered from the
/// transcript instead of being run again.
/// </summary>
internal sealed class VoiceTurns(TurnPipeline pipeline, OperatorOneDb db, TimeProvider clock)
{

    public Task<Guid?> FindOrganizationAsync(string calledNumber, CancellationToken cancellationToken) =>
        Installations.FindOrganizationAsync(db, ChannelNames.Voice, calledNumber, cancellationToken);

    /// <summary>The call starts: a welcome for this caller (by name when the number belongs to a member).</summary>
    public Task<VoiceAnswer?> StartAsync(VoiceRequest call, CancellationToken cancellationToken) =>
        RunAsync(call, 0, new Activity
        {
            Type = ActivityTypes.ConversationUpdate,
            MembersAdded = [new ChannelAccount { Id = call.From }],
        }, cancellationToken);

    /// <summary>What the caller said or keyed at <paramref name="step"/>; a key naming a choice of the last card submits that choice.</summary>
    public async Task<VoiceAnswer?> SayAsync(VoiceRequest call, int step, string input, Guid organizationId, CancellationToken cancellationToken)
    {
        var choice = await ChoiceAsync(call, input, organizationId, cancellationToken);
        var activity = choice is null
            ? Activity.Message(input)
            : new Activity { Type = ActivityTypes.Message, Text = choice.Title, Value = choice.Data.DeepClone() };
        return await RunAsync(call, step, activity, cancellationToken);
    }

    /// <summary>Null when the called number is not installed.</summary>
    private async Task<VoiceAnswer?> RunAsync(VoiceRequest call, int step, Activity activity, CancellationToken cancellationToken)
    {
        var deliveryId = $"{call.CallSid}:{step}";
        var result = await pipeline.RunAsync(Turn(call, step, activity, clock.GetUtcNow()), cancellationToken);
        return result.Status switch
        {
            TurnStatus.UnknownInstallation => null,
            TurnStatus.Duplicate => VoiceSpeech.Render(await RepliesToAsync(call, deliveryId, cancellationToken)),
            _ => VoiceSpeech.Render(result.Replies),
        };
    }

    /// <summary>The turn for one call step: CallSid + step is the delivery id, so a repeated callback runs once.</summary>
    public static InboundTurn Turn(VoiceRequest call, int step, Activity activity, DateTimeOffset now)
    {
        var deliveryId = $"{call.CallSid}:{step}";
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
        };
    }

    /// <summary>
    /// The answer the turn of <paramref name="step"/> committed, read back from the transcript (so on any replica);
    /// null while it has not committed.
    /// </summary>
    public async Task<VoiceAnswer?> AnsweredAsync(VoiceRequest call, int step, Guid organizationId, CancellationToken cancellationToken)
    {
        var deliveryId = $"{call.CallSid}:{step}";
        if (!await db.ProcessedDeliveries.AnyAsync(d => d.Channel == ChannelNames.Voice && d.DeliveryId == deliveryId, cancellationToken))
        {
            return null;
        }
        await db.UseOrganizationAsync(organizationId, cancellationToken);
        var recent = await RecentRepliesAsync(call.CallSid, cancellationToken);
        return VoiceSpeech.Render(recent.Where(a => a.ReplyToId == deliveryId).ToList());
    }

    /// <summary>A repeated callback hears what the first one got, read back from the transcript.</summary>
    private async Task<IReadOnlyList<Activity>> RepliesToAsync(VoiceRequest call, string deliveryId, CancellationToken cancellationToken)
    {
        if (await FindOrganizationAsync(call.To, cancellationToken) is not { } organizationId)
        {
            return [];
        }
        await db.UseOrganizationAsync(organizationId, cancellationToken);
        var recent = await RecentRepliesAsync(call.CallSid, cancellationToken);
        return recent.Where(a => a.ReplyToId == deliveryId).ToList();
    }

    private async Task<VoiceChoice?> ChoiceAsync(VoiceRequest call, string input, Guid organizationId, CancellationToken cancellationToken)
    {
        await db.UseOrganizationAsync(organizationId, cancellationToken);
        var recent = await RecentRepliesAsync(call.CallSid, cancellationToken);
        if (recent.Count == 0)
        {
            return null;
        }
        var lastTurn = recent[^1].ReplyToId;
        var choices = VoiceSpeech.Render(recent.Where(a => a.ReplyToId == lastTurn).ToList()).Choices;
        return VoiceChoices.Pick(choices, input);
    }

    private async Task<List<Activity>> RecentRepliesAsync(string callSid, CancellationToken cancellationToken)
    {
        var rows = await db.TranscriptMessages
            .Where(m => m.Direction == MessageDirection.Outbound
                && db.Conversations.Any(c => c.Id == m.ConversationId && c.Channel == ChannelNames.Voice && c.ExternalId == callSid))
            .OrderByDescending(m => m.Id)
            .Take(10)
            .Select(m => m.Activity)
            .ToListAsync(cancellationToken);
        rows.Reverse();
        return rows.Select(BotJson.Deserialize<Activity>).ToList();
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
