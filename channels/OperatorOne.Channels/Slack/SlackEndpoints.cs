using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using OperatorOne.Bot.Core.Turns;
using OperatorOne.Bot.Core.Security;

namespace OperatorOne.Channels.Slack;

/// <summary>
/// The three signed request URLs. Each reads the verified body, decides, and hands the turn to the core's one entry
/// with Slack's budget: within it the turn commits (and its replies go out); past it the turn is stored and goes on,
/// so Slack always has its answer inside 3 seconds and nothing it was told we accepted is lost. A slash command's
/// answer is the HTTP response when the turn finishes in time, else a response_url follow-up.
/// </summary>
internal static class SlackEndpoints
{
    /// <summary>Slack shows a timeout after 3 s; the rest is headroom for the network.</summary>
    public static readonly TimeSpan InlineDeadline = TimeSpan.FromSeconds(2.5);

    public static async Task<Results<Ok<UrlVerificationAnswer>, Ok, ProblemHttpResult>> EventsAsync(
        HttpContext http, SlackWorkspaces workspaces, TurnLoop turns, CancellationToken cancellationToken)
    {
        var inbound = SlackEvents.Read(SlackRequestVerification.Body(http));
        if (inbound is SlackInbound.Challenge challenge)
        {
            return TypedResults.Ok(new UrlVerificationAnswer(challenge.Value));
        }
        return await AcceptAsync(http, inbound, workspaces, turns, cancellationToken) switch
        {
            (_, { } problem) => problem,
            _ => TypedResults.Ok(),
        };
    }

    public static async Task<Results<Ok, ProblemHttpResult>> InteractionsAsync(
        HttpContext http, SlackWorkspaces workspaces, TurnLoop turns, CancellationToken cancellationToken)
    {
        var inbound = SlackInteractions.Read(SlackRequestVerification.Body(http));
        return await AcceptAsync(http, inbound, workspaces, turns, cancellationToken) switch
        {
            (_, { } problem) => problem,
            _ => TypedResults.Ok(),
        };
    }

    public static async Task<Results<Ok<CommandAnswer>, Ok, ProblemHttpResult>> CommandsAsync(
        HttpContext http, SlackWorkspaces workspaces, TurnLoop turns, CancellationToken cancellationToken)
    {
        var inbound = SlackCommands.Read(SlackRequestVerification.Body(http));
        switch (await AcceptAsync(http, inbound, workspaces, turns, cancellationToken))
        {
            case (_, { } problem):
                return problem;
            case (TurnOutcome.Accepted, _):
                return TypedResults.Ok(new CommandAnswer("Working on it…", null));
            case (TurnOutcome.Completed { Result: { Status: not TurnStatus.Duplicate, Replies.Count: > 0 } result }, _):
                var answer = SlackAnswers.Combine(result.Replies);
                return TypedResults.Ok(new CommandAnswer(answer.Text, answer.Blocks));
            default:
                return TypedResults.Ok();
        }
    }

    /// <summary>The turn's outcome (none for a request that is not a turn), or the 4xx/503 to answer.</summary>
    private static async Task<(TurnOutcome? Outcome, ProblemHttpResult? Problem)> AcceptAsync(HttpContext http, SlackInbound inbound,
        SlackWorkspaces workspaces, TurnLoop turns, CancellationToken cancellationToken)
    {
        switch (inbound)
        {
            case SlackInbound.Invalid invalid:
                return (null, NoRetry(http, TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Malformed Slack request", detail: invalid.Problem)));
            case SlackInbound.Turn { Work: var work } when work.Turn.Problem() is { } problem:
                return (null, NoRetry(http, TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Malformed Slack request", detail: problem)));
            case SlackInbound.Turn { Work: var work }:
                var outcome = await turns.ProcessAsync(work.ToTurn(), InlineDeadline, cancellationToken);
                if (outcome is TurnOutcome.Completed { Result.Status: TurnStatus.UnknownInstallation })
                {
                    return (null, NoRetry(http, TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Workspace not installed",
                        detail: $"Slack workspace {work.TeamId} is not connected to any organization.")));
                }
                return (outcome, null);
            case SlackInbound.Revoked revoked:
                await workspaces.RevokeAsync(revoked.TeamId, revoked.Reason, cancellationToken);
                return (null, null);
            default:
                return (null, null);
        }
    }

    /// <summary>
    /// What the input check refuses on a Slack path: ProblemDetails, and no retry (the same bytes would fail again). A
    /// 503 (the database is away) is retried by Slack.
    /// </summary>
    public static Task RejectAsync(HttpContext http, InboundProblem problem) => problem.Status >= StatusCodes.Status500InternalServerError
        ? TypedResults.Problem(statusCode: problem.Status, title: "Slack request not taken", detail: problem.Reason).ExecuteAsync(http)
        : NoRetry(http, TypedResults.Problem(statusCode: problem.Status, title: "Malformed Slack request", detail: problem.Reason)).ExecuteAsync(http);

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
