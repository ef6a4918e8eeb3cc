using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using OperatorOne.Bot.Core.Activities;
using OperatorOne.Bot.Core.Turns;

namespace OperatorOne.Channels.Teams;

/// <summary>
/// One verified Teams activity, routed by type: messages and lifecycle events become turns of the core's one entry,
/// answered through the Bot Connector once committed; card clicks are turns whose answer is the invoke response.
/// A turn that outlasts the budget is stored by the core and acknowledged with a typing indicator, because Teams gives
/// up (and resends) after about 15 seconds; its answer follows through the outbox.
/// </summary>
internal sealed class TeamsBot(TurnLoop turns, TeamsInvokes invokes, TeamsConnector connector, IOptions<TeamsOptions> options)
{
    public const string NotConnected = "This Microsoft Teams organization isn't connected to OperatorOne yet. Ask your administrator to connect it.";

    public async Task<Results<Ok, Ok<TeamsInvokeResponse>, BadRequest<string>, StatusCodeHttpResult>> HandleAsync(Activity activity,
        CancellationToken cancellationToken)
    {
        if (activity.Type is not (ActivityTypes.Message or ActivityTypes.ConversationUpdate or ActivityTypes.InstallationUpdate or ActivityTypes.Invoke))
        {
            // Reactions, typing, edits: acknowledged, nothing to do.
            return TypedResults.Ok();
        }
        if (activity.Type == ActivityTypes.Invoke && activity.Name != TeamsTurns.AdaptiveCardAction)
        {
            return TypedResults.StatusCode(StatusCodes.Status501NotImplemented);
        }
        if (TeamsTurns.ToInboundTurn(activity) is not { } turn)
        {
            return TypedResults.BadRequest("A Teams activity needs an id, a conversation, a sender and a tenant.");
        }
        if (turn.Problem() is { } problem)
        {
            return TypedResults.BadRequest(problem);
        }
        if (activity.Type == ActivityTypes.Invoke)
        {
            // Invokes stay synchronous: Teams shows whatever the response carries.
            return TypedResults.Ok(await invokes.HandleAsync(turn, TeamsTurns.Verb(activity), cancellationToken));
        }
        switch (await turns.ProcessAsync(turn, options.Value.TurnBudget, cancellationToken))
        {
            case TurnOutcome.Completed { Result.Status: TurnStatus.UnknownInstallation } when activity.Type == ActivityTypes.Message:
                // No organization, so no outbox: this one line goes out directly.
                await connector.ReplyAsync(activity.ServiceUrl!, turn.Reference.Conversation.Id, activity.Id!,
                    turn.Reference.Address(Activity.Message(NotConnected)), cancellationToken);
                break;
            case TurnOutcome.Accepted:
                await connector.SendAsync(activity.ServiceUrl!, turn.Reference.Conversation.Id,
                    turn.Reference.Address(new Activity { Type = ActivityTypes.Typing }), cancellationToken);
                break;
        }
        return TypedResults.Ok();
    }
}
