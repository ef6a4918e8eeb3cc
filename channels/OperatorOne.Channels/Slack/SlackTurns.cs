using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OperatorOne.Bot.Core.Activities;
using OperatorOne.Bot.Core.Outbox;
using OperatorOne.Bot.Core.Turns;
using OperatorOne.Data;

namespace OperatorOne.Channels.Slack;

/// <summary>
/// Runs one queued Slack request through the core and delivers the replies the way its kind needs: DMs and
/// mentions through the outbox (retries, 429), clicks to the clicker through response_url, commands inline or
/// through response_url.
/// </summary>
internal sealed class SlackTurns(
    TurnPipeline pipeline,
    OperatorOneDb db,
    OutboxWriter outbox,
    OutboxSignal outboxSignal,
    SlackApi api,
    SlackIdentityLinks identityLinks,
    SlackFiles files,
    IOptions<SlackOptions> options,
    ILogger<SlackTurns> logger)
{
    public async Task ProcessAsync(SlackWork work, CancellationToken cancellationToken)
    {
        await identityLinks.EnsureLinkedAsync(work.TeamId, work.Turn.ChannelUserId, cancellationToken);
        // Downloaded here, after Slack has its 200; a retried item whose turn already committed downloads again
        // and is then dropped as a duplicate by the pipeline.
        var turn = await files.FetchAsync(work, cancellationToken);
        var result = await pipeline.RunAsync(turn, cancellationToken);
        switch (result.Status)
        {
            case TurnStatus.Duplicate:
                return;
            case TurnStatus.UnknownInstallation:
                await AnswerAsync(work, [Activity.Message("This Slack workspace is not connected to OperatorOne.")], cancellationToken);
                return;
        }
        if (work.Kind == SlackWorkKind.Message)
        {
            QueueReplies(work, result);
            await db.SaveChangesAsync(cancellationToken);
            outboxSignal.Notify();
            return;
        }
        await AnswerAsync(work, result.Replies, cancellationToken);
    }

    /// <summary>Replies to a DM or mention: in the outbox, committed together, delivered with retries.</summary>
    private void QueueReplies(SlackWork work, TurnResult result)
    {
        if (result.OrganizationId is not { } organizationId || result.ConversationId is not { } conversationId)
        {
            return;
        }
        foreach (var reply in result.Replies)
        {
            var data = reply.ChannelData?.DeepClone() as JsonObject ?? [];
            if (work.ThreadTs is not null)
            {
                data["thread_ts"] = work.ThreadTs;
            }
            outbox.Send(db, organizationId, conversationId, reply with { ChannelData = data });
        }
    }

    /// <summary>Ephemeral answers for a click or a command; a command still waiting for its HTTP answer gets it there.</summary>
    public async Task AnswerAsync(SlackWork work, IReadOnlyList<Activity> replies, CancellationToken cancellationToken)
    {
        if (replies.Count == 0)
        {
            work.Inline?.TryAnswer(new SlackMessage("", null));
            return;
        }
        var message = Combine(replies);
        if (work.Inline?.TryAnswer(message) == true)
        {
            return;
        }
        if (work.ResponseUrl is not { } url || !IsSlackResponseUrl(url))
        {
            logger.LogWarning("No usable response_url for a Slack {Kind}; the answer is dropped", work.Kind);
            return;
        }
        var answered = await api.RespondAsync(url, message, replaceOriginal: false, cancellationToken);
        if (!answered.Ok)
        {
            logger.LogWarning("Slack response_url answer failed: {Error}", answered.Error);
        }
    }

    /// <summary>Several replies as one ephemeral message: response_url allows only five posts.</summary>
    internal static SlackMessage Combine(IReadOnlyList<Activity> replies)
    {
        var rendered = replies.Select(BlockKit.Render).ToList();
        if (rendered.Count == 1)
        {
            return rendered[0];
        }
        var text = string.Join("\n", rendered.Select(r => r.Text).Where(t => t.Length > 0));
        if (rendered.All(r => r.Blocks is null))
        {
            return new SlackMessage(Mrkdwn.Truncate(text, BlockKit.MaxFallbackText), null);
        }
        var blocks = rendered.SelectMany(r => r.Blocks is { } b ? b.Select(x => x!.DeepClone().AsObject()) : [BlockKit.Section(Mrkdwn.Unescape(r.Text))]).ToList();
        return new SlackMessage(Mrkdwn.Truncate(text, BlockKit.MaxFallbackText), BlockKit.Fit(blocks.Where(b => SlackJson.String(b, "type") != "actions").ToList(),
            blocks.Where(b => SlackJson.String(b, "type") == "actions").ToList()));
    }

    /// <summary>response_url comes from a signed payload, but we still only ever post to Slack (or the configured stand-in).</summary>
    private bool IsSlackResponseUrl(Uri url) =>
        (url.Scheme == "https" && url.Host == "hooks.slack.com")
        || (url.Scheme == options.Value.ApiBaseUrl.Scheme && url.Authority == options.Value.ApiBaseUrl.Authority);
}
