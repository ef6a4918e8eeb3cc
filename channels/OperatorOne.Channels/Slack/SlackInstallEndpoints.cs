using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OperatorOne.Bot.Core.Security;
using OperatorOne.Bot.Core.Tenancy;
using OperatorOne.Data;
using OperatorOne.Data.Channels;

namespace OperatorOne.Channels.Slack;

/// <summary>
/// Multi-workspace install (OAuth v2): an admin's install link sends the installer to Slack with a signed state
/// bound to their browser; the callback exchanges the code and keeps the workspace's bot token, encrypted.
/// </summary>
internal static class SlackInstallEndpoints
{
    private const string StateCookie = "op1_slack_oauth";
    private const string CallbackPath = "/api/slack/oauth/callback";

    public static Results<RedirectHttpResult, ProblemHttpResult> InstallAsync(HttpContext http, string? ticket, SlackInstallState state,
        IOptions<SlackOptions> options)
    {
        if (state.Read(ticket, SlackInstallState.TicketPurpose) is not { OrganizationId: var organizationId })
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Invalid install link",
                detail: "Ask an administrator for a fresh Slack install link.");
        }
        var settings = options.Value;
        var nonce = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(16));
        http.Response.Cookies.Append(StateCookie, nonce, new CookieOptions
        {
            HttpOnly = true,
            // Right behind a TLS proxy too, once ForwardedHeaders names it (the request then carries its original scheme).
            Secure = http.Request.IsHttps,
            SameSite = SameSiteMode.Lax,
            Path = CallbackPath,
            MaxAge = SlackInstallState.StateLifetime,
        });
        var query = new Dictionary<string, string?>
        {
            ["client_id"] = settings.ClientId,
            ["scope"] = string.Join(',', SlackScopes.Bot),
            ["redirect_uri"] = RedirectUri(http, settings),
            ["state"] = state.Issue(SlackInstallState.StatePurpose, organizationId, SlackInstallState.StateLifetime, nonce),
        };
        return TypedResults.Redirect(QueryHelpers.AddQueryString(settings.AuthorizeUrl.ToString(), query));
    }

    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> CallbackAsync(HttpContext http, string? code, string? state,
        string? error, SlackInstallState states, SlackApi api, OperatorOneDb db, SecretBox secrets, SlackWorkspaces workspaces,
        IOptions<SlackOptions> options, TimeProvider clock, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var checkedState = states.Read(state, SlackInstallState.StatePurpose);
        var cookie = http.Request.Cookies[StateCookie];
        http.Response.Cookies.Delete(StateCookie, new CookieOptions { Path = CallbackPath });
        if (checkedState is not { } installer || cookie is null
            || !CryptographicOperations.FixedTimeEquals(System.Text.Encoding.UTF8.GetBytes(cookie), System.Text.Encoding.UTF8.GetBytes(installer.Nonce)))
        {
            return Problem(StatusCodes.Status403Forbidden, "Invalid OAuth state", "Start the install again from your install link.");
        }
        if (error is not null || string.IsNullOrEmpty(code))
        {
            return Problem(StatusCodes.Status400BadRequest, "Install cancelled", $"Slack did not authorize the install ({error ?? "no code"}).");
        }
        var access = await api.OAuthAccessAsync(code, RedirectUri(http, options.Value), cancellationToken);
        var team = SlackJson.Object(access.Body, "team");
        var teamId = SlackJson.String(team, "id");
        var token = access.String("access_token");
        if (!access.Ok || teamId is null || token is null || access.String("token_type") is not (null or "bot"))
        {
            return Problem(StatusCodes.Status502BadGateway, "Slack refused the install", $"oauth.v2.access: {access.Error ?? "no bot token"}.");
        }
        await db.UseOrganizationAsync(installer.OrganizationId, cancellationToken);
        var installation = await db.ChannelInstallations.SingleOrDefaultAsync(i => i.Channel == ChannelNames.Slack && i.ExternalId == teamId, cancellationToken);
        if (installation is null)
        {
            installation = new ChannelInstallation
            {
                Id = Guid.NewGuid(),
                OrganizationId = installer.OrganizationId,
                Channel = ChannelNames.Slack,
                ExternalId = teamId,
                CreatedAt = clock.GetUtcNow(),
            };
            db.ChannelInstallations.Add(installation);
        }
        installation.DisplayName = SlackJson.String(team, "name") ?? teamId;
        installation.SecretCipher = secrets.Encrypt(token);
        installation.RevokedAt = null;
        // The OAuth install is the proof: Slack let this person add the app to the workspace.
        if (!await Installations.MarkProvenAsync(db, installation, InstallationProofs.SlackOAuth, SlackWorkspaceProof.Taken, clock.GetUtcNow(), cancellationToken))
        {
            return Problem(StatusCodes.Status409Conflict, "Workspace connected elsewhere", SlackWorkspaceProof.Taken);
        }
        // A reinstall brings a new token: this replica reads it at once (others within SlackWorkspaces.Freshness).
        workspaces.Forget(teamId);
        loggers.CreateLogger(typeof(SlackInstallEndpoints)).LogInformation("Slack workspace {Team} installed for organization {Organization}", teamId, installer.OrganizationId);
        return TypedResults.Text($"OperatorOne is installed in the Slack workspace {installation.DisplayName}. You can close this page.", "text/plain");
    }

    private static string RedirectUri(HttpContext http, SlackOptions options) =>
        options.RedirectUri ?? $"{http.Request.Scheme}://{http.Request.Host}{CallbackPath}";

    private static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail);
}
