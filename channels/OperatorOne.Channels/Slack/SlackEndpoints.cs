using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using OperatorOne.Bot.Core.Security;

namespace OperatorOne.Channels.Slack;

/// <summary>
/// The three signed request URLs. Each reads the verified body, decides, checks the workspace is installed, queues
/// the turn in slack_inbox and acknowledges at once; only the slash command waits, briefly, to answer inline.
/// </summary>
internal static class SlackEndpoints
{
    /// <summary>Slack shows a timeout after 3 s; the rest is headroom for the network.</summary>
    public static readonly TimeSpan InlineDeadline = TimeSpan.FromSeconds(2.5);

    public static async Task<Results<Ok<UrlVerificationAnswer>, Ok, ProblemHttpResult>> EventsAsync(
        HttpContext http, SlackWorkspaces workspaces, SlackInbox inbox, CancellationToken cancellationToken)
    {
        var inbound = SlackEvents.Read(SlackRequestVerification.Body(http));
        if (inbound is SlackInbound.Challenge challenge)
        {
            return TypedResults.Ok(new UrlVerificationAnswer(challenge.Value));
        }
        return await AcceptAsync(http, inbound, workspaces, inbox, cancellationToken) switch
        {
            { } problem => problem,
            null => TypedResults.Ok(),
        };
    }

    public static async Task<Results<Ok, ProblemHttpResult>> InteractionsAsync(
        HttpContext http, SlackWorkspaces workspaces, SlackInbox inbox, CancellationToken cancellationToken)
    {
        var inbound = SlackInteractions.Read(SlackRequestVerification.Body(http));
        return await AcceptAsync(http, inbound, workspaces, inbox, cancellationToken) switch
        {
            { } problem => problem,
            null => TypedResults.Ok(),
        };
    }

    public static async Task<Results<Ok<CommandAnswer>, Ok, ProblemHttpResult>> CommandsAsync(
        HttpContext http, SlackWorkspaces workspaces, SlackInbox inbox, TimeProvider clock, CancellationToken cancellationToken)
    {
        var inline = new InlineAnswer();
        var inbound = SlackCommands.Read(SlackRequestVerification.Body(http));
        // Registered before the row is stored, so this replica's worker can never run the turn without seeing it.
        using var waiting = inbound is SlackInbound.Turn { Work: var work } ? inbox.AwaitInline(work, inline) : null;
        if (await AcceptAsync(http, inbound, workspaces, inbox, cancellationToken) is { } problem)
        {
            return problem;
        }
        if (inbound is not SlackInbound.Turn)
        {
            return TypedResults.Ok();
        }
        await Task.WhenAny(inline.Answer, Task.Delay(InlineDeadline, clock, cancellationToken));
        if (!inline.Answer.IsCompleted && inline.TryDefer())
        {
            return TypedResults.Ok(new CommandAnswer("Working on it…", null));
        }
        var answer = await inline.Answer;
        return answer.Text.Length == 0 && answer.Blocks is null ? TypedResults.Ok() : TypedResults.Ok(new CommandAnswer(answer.Text, answer.Blocks));
    }

    /// <summary>Null when the request was acknowledged (stored or ignored); otherwise the 4xx to answer.</summary>
    private static async Task<ProblemHttpResult?> AcceptAsync(HttpContext http, SlackInbound inbound, SlackWorkspaces workspaces, SlackInbox inbox,
        CancellationToken cancellationToken)
    {
        switch (inbound)
        {
            case SlackInbound.Invalid invalid:
                return NoRetry(http, TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Malformed Slack request", detail: invalid.Problem));
            case SlackInbound.Turn { Work: var work }:
                if (await workspaces.FindOrganizationAsync(work.TeamId, cancellationToken) is not { } organizationId)
                {
                    return NoRetry(http, TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Workspace not installed",
                        detail: $"Slack workspace {work.TeamId} is not connected to any organization."));
                }
                // Stored before the 200: what Slack was told we accepted survives a crash. A retry is acknowledged, not stored again.
                await inbox.AddAsync(organizationId, work, cancellationToken);
                return null;
            case SlackInbound.Revoked revoked:
                await workspaces.RevokeAsync(revoked.TeamId, revoked.Reason, cancellationToken);
                return null;
            default:
                return null;
        }
    }

    /// <summary>What the input check refuses on a Slack path: ProblemDetails, and no retry (the same bytes would fail again).</summary>
    public static Task RejectAsync(HttpContext http, InboundProblem problem) =>
        NoRetry(http, TypedResults.Problem(statusCode: problem.Status, title: "Malformed Slack request", detail: problem.Reason)).ExecuteAsync(http);

    /// <summary>Retrying a request we refused on its content can't succeed; tell Slack not to.</summary>
    private static ProblemHttpResult NoRetry(HttpContext http, ProblemHttpResult problem)
    {
        http.Response.Headers["X-Slack-No-Retry"] = "1";
        return problem;
    }
}

/// <summary>The url_verification answer.</summary>
internal sealed record UrlVerificationAnswer([property: JsonPropertyName("challenge")] string Challenge);

/// <summary>A slash command's immediate, ephemeral answer.</summary>
internal sealed record CommandAnswer(
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("blocks"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] JsonArray? Blocks)
{
    [JsonPropertyName("response_type")]
    public string ResponseType => "ephemeral";
}
