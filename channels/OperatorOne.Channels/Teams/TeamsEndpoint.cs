using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using OperatorOne.Bot.Core.Activities;
using OperatorOne.Bot.Core.Security;

namespace OperatorOne.Channels.Teams;

/// <summary>POST /api/messages: authenticate the Bot Connector's request, then hand the activity to <see cref="TeamsBot"/>.</summary>
internal static class TeamsEndpoint
{
    /// <summary>Teams caps a message near 100 KB; a generous ceiling still keeps a flood of junk out of memory.</summary>
    private const long MaxBodyBytes = 512 * 1024;

    public static async Task<Results<Ok, Ok<TeamsInvokeResponse>, UnauthorizedHttpResult, BadRequest<string>, StatusCodeHttpResult>> ReceiveAsync(
        HttpContext http, TeamsChannelMode channel, TeamsAuthenticator authenticator, TeamsBot bot, TeamsTenantConfirmation confirmation,
        TeamsIdentityLinks identityLinks,
        CancellationToken cancellationToken)
    {
        var authorization = http.Request.Headers.Authorization.ToString();
        if (channel.Mode == TeamsMode.Authenticated && string.IsNullOrEmpty(authorization))
        {
            return TypedResults.Unauthorized();
        }
        // Local-test mode verifies nothing, so only a client on this machine, not one behind a proxy, may use it.
        if (channel.Mode == TeamsMode.LocalTest && !DirectConnection.IsLocal(http))
        {
            return TypedResults.Unauthorized();
        }

        Activity? activity;
        try
        {
            if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            {
                limit.MaxRequestBodySize = MaxBodyBytes;
            }
            activity = await http.Request.ReadFromJsonAsync<Activity>(BotJson.Options, cancellationToken);
        }
        catch (JsonException)
        {
            return TypedResults.BadRequest("The body is not a Bot Framework activity.");
        }
        catch (InvalidOperationException)
        {
            return TypedResults.BadRequest("The body must be application/json.");
        }
        catch (BadHttpRequestException ex)
        {
            return TypedResults.StatusCode(ex.StatusCode);
        }
        if (activity is null)
        {
            return TypedResults.BadRequest("The body is not a Bot Framework activity.");
        }

        bool trusted;
        try
        {
            trusted = channel.Mode switch
            {
                TeamsMode.Authenticated => await authenticator.IsAuthenticAsync(authorization, activity, cancellationToken),
                // Nothing is verified here, so replies may only go back to this machine.
                TeamsMode.LocalTest => Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var serviceUrl) && TeamsOptions.IsLoopback(serviceUrl),
                _ => false,
            };
        }
        catch (TeamsIssuerUnavailableException)
        {
            // The Bot Connector retries a 503; nothing about our side goes into the answer.
            http.Response.Headers.RetryAfter = "5";
            return TypedResults.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }
        if (!trusted)
        {
            return TypedResults.Unauthorized();
        }
        // Only a signed activity proves a tenant: local-test mode verifies nothing.
        if (channel.Mode == TeamsMode.Authenticated && await confirmation.TryConfirmAsync(activity, cancellationToken))
        {
            return TypedResults.Ok();
        }
        // Before the turn resolves who is writing: a first message from an invited person's account links them.
        await identityLinks.EnsureLinkedAsync(activity, cancellationToken);
        return (await bot.HandleAsync(activity, cancellationToken)).Result switch
        {
            Ok ok => ok,
            Ok<TeamsInvokeResponse> invoke => invoke,
            BadRequest<string> bad => bad,
            StatusCodeHttpResult status => status,
            var other => throw new InvalidOperationException($"Unexpected result {other.GetType().Name}."),
        };
    }

    /// <summary>What the input check refuses on this path: a plain-text 400/413, as the Bot Connector expects.</summary>
    internal static async Task RejectAsync(HttpContext http, InboundProblem problem)
    {
        http.Response.StatusCode = problem.Status;
        http.Response.ContentType = "text/plain; charset=utf-8";
        await http.Response.WriteAsync(problem.Reason, http.RequestAborted);
    }
}
