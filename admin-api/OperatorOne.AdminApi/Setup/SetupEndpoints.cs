using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OperatorOne.AdminApi.Organizations;
using OperatorOne.Bot.Core.Invitations;
using OperatorOne.Data;

namespace OperatorOne.AdminApi.Setup;

/// <summary>
/// /setup/{token}: the first-boot page. Answers 403 to a wrong token and, once any organization exists, to every
/// token; creates the organization under an advisory lock, so two submissions (or replicas) never make two.
/// </summary>
internal static class SetupEndpoints
{
    public const string Prefix = "/setup/";
    private const int MaxFormBytes = 16 * 1024;
    private const long SetupLock = 0x0E1_5E7;

    public static string PathFor(string token) => Prefix + token;

    public static void MapSetup(this IEndpointRouteBuilder app)
    {
        app.MapGet($"{Prefix}{{token}}", ShowAsync).ExcludeFromDescription();
        // The token in the path is the credential; a plain form cannot carry an antiforgery token without sessions.
        app.MapPost($"{Prefix}{{token}}", SubmitAsync).DisableAntiforgery().ExcludeFromDescription();
    }

    internal static async Task<ContentHttpResult> ShowAsync(string token, HttpContext http, SetupGate gate, AdminRateLimiter limiter,
        OperatorOneDb db, CancellationToken cancellationToken)
    {
        if (await RefusalAsync(token, http, gate, limiter, db, cancellationToken) is { } refused)
        {
            return refused;
        }
        return Html(SetupPage.Form(new NewOrganization(null, "UTC", "US", null), new Dictionary<string, string[]>()));
    }

    internal static async Task<ContentHttpResult> SubmitAsync(string token, HttpContext http, SetupGate gate, AdminRateLimiter limiter,
        OperatorOneDb db, InvitationLinks links, IOptions<OnboardingOptions> onboarding, TimeProvider clock, ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        if (await RefusalAsync(token, http, gate, limiter, db, cancellationToken) is { } refused)
        {
            return refused;
        }
        var (form, formProblem) = await ReadFormAsync(http, cancellationToken);
        if (form is null)
        {
            return Html(SetupPage.Closed(formProblem.Reason), formProblem.Status);
        }
        var values = new NewOrganization(Field(form, "organization"), Field(form, "timeZone"), Field(form, "country"),
            new NewOwner(Field(form, "ownerName"), Field(form, "ownerEmail"), Field(form, "ownerPhone")));
        var errors = OrganizationCreation.Validate(values);
        if (errors.Count > 0)
        {
            return Html(SetupPage.Form(values, errors), StatusCodes.Status400BadRequest);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({SetupLock})", cancellationToken);
        if (!await SetupGate.IsOpenAsync(db, cancellationToken))
        {
            return Html(SetupPage.Closed("Setup is already done: an organization exists. Ask its owner for an invitation."), StatusCodes.Status403Forbidden);
        }
        var created = await OrganizationCreation.CreateAsync(db, values, links, onboarding.Value, clock.GetUtcNow(), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        loggers.CreateLogger(typeof(SetupEndpoints)).LogWarning("Setup done: organization {Organization} ({Name}) with owner {Owner}; the setup link is closed",
            created.Organization.Id, created.Organization.Name, created.Owner.Email);
        var origin = new Uri($"{http.Request.Scheme}://{http.Request.Host}/");
        http.Response.Headers.CacheControl = "no-store";
        return Html(SetupPage.Done(created, onboarding.Value.Absolute(created.JoinPath, origin)));
    }

    private static async Task<ContentHttpResult?> RefusalAsync(string token, HttpContext http, SetupGate gate, AdminRateLimiter limiter,
        OperatorOneDb db, CancellationToken cancellationToken)
    {
        if (!limiter.TryAcquire($"setup:{http.Connection.RemoteIpAddress}"))
        {
            http.Response.Headers.RetryAfter = "60";
            return Html(SetupPage.Closed("Too many tries; wait a minute."), StatusCodes.Status429TooManyRequests);
        }
        if (!await SetupGate.IsOpenAsync(db, cancellationToken))
        {
            return Html(SetupPage.Closed("Setup is already done: an organization exists. Ask its owner for an invitation."), StatusCodes.Status403Forbidden);
        }
        return gate.Accepts(token) ? null
            : Html(SetupPage.Closed("This setup link is not valid. Use the link the bot printed in its log when it started."), StatusCodes.Status403Forbidden);
    }

    private static async Task<(IFormCollection? Form, (int Status, string Reason) Problem)> ReadFormAsync(HttpContext http, CancellationToken cancellationToken)
    {
        if (http.Request.ContentLength > MaxFormBytes)
        {
            return (null, (StatusCodes.Status413PayloadTooLarge, $"The form is limited to {MaxFormBytes / 1024} KB."));
        }
        if (!http.Request.HasFormContentType)
        {
            return (null, (StatusCodes.Status415UnsupportedMediaType, "The setup form posts application/x-www-form-urlencoded."));
        }
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = MaxFormBytes;
        }
        try
        {
            return (await http.Request.ReadFormAsync(new FormOptions { ValueCountLimit = 32, ValueLengthLimit = 4096 }, cancellationToken), default);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, (StatusCodes.Status413PayloadTooLarge, $"The form is limited to {MaxFormBytes / 1024} KB."));
        }
        catch (Exception ex) when (ex is InvalidDataException or BadHttpRequestException or IOException)
        {
            return (null, (StatusCodes.Status400BadRequest, "The form could not be read."));
        }
    }

    private static string? Field(IFormCollection form, string name) =>
        form.TryGetValue(name, out var value) && value.Count == 1 ? value[0]?.Trim() : null;

    private static ContentHttpResult Html(string page, int status = StatusCodes.Status200OK) =>
        TypedResults.Content(page, "text/html; charset=utf-8", statusCode: status);
}
