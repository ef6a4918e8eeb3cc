using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using OperatorOne.Bot.Core.Security;
using OperatorOne.Data;
using OperatorOne.Data.Members;
using OperatorOne.Data.Outbox;
using OperatorOne.Skills.Integrations;

namespace OperatorOne.AdminApi.Integrations;

/// <summary>Event webhooks (admins): subscribe a URL to events, change, stop, remove, rotate its secret, test it, read and replay its deliveries.</summary>
internal static class WebhookEndpoints
{
    private const int MaxDescription = 500;

    public static void MapWebhooks(this RouteGroupBuilder organization)
    {
        var hooks = organization.MapGroup("/webhooks").WithTags("Webhooks").WithMetadata(new AdminAccess(MemberRole.Admin));
        hooks.MapGet("", ListAsync).WithSummary("List webhook subscriptions.");
        hooks.MapGet("/{subscriptionId:guid}", GetAsync).WithSummary("One subscription.");
        hooks.MapPost("", CreateAsync).WithSummary("Subscribe a URL to events; its signing secret is in this response only.");
        hooks.MapPatch("/{subscriptionId:guid}", UpdateAsync).WithSummary("Change the URL, events or description, or pause (active: false) and resume it.");
        hooks.MapDelete("/{subscriptionId:guid}", DeleteAsync).WithSummary("Remove a subscription and its delivery log.");
        hooks.MapPost("/{subscriptionId:guid}/rotate-secret", RotateAsync).WithSummary("A new signing secret, in this response only.");
        hooks.MapPost("/{subscriptionId:guid}/test", TestAsync).WithSummary("Send a signed 'ping' event to the URL.");
        hooks.MapGet("/{subscriptionId:guid}/deliveries", DeliveriesAsync).WithSummary("The delivery log, newest first: status, attempts, the receiver's answer.");
        hooks.MapPost("/{subscriptionId:guid}/deliveries/{deliveryId:long}/replay", ReplayAsync).WithSummary("Send a delivery's event again (same event id, new delivery id).");
    }

    internal static async Task<Ok<List<WebhookDto>>> ListAsync(OperatorOneDb db, CancellationToken cancellationToken) =>
        TypedResults.Ok((await db.WebhookSubscriptions.AsNoTracking().OrderBy(s => s.Number).ToListAsync(cancellationToken)).Select(s => WebhookDto.Of(s)).ToList());

    internal static async Task<Results<Ok<WebhookDto>, NotFound>> GetAsync(Guid subscriptionId, OperatorOneDb db, CancellationToken cancellationToken) =>
        await db.WebhookSubscriptions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == subscriptionId, cancellationToken) is { } row
            ? TypedResults.Ok(WebhookDto.Of(row)) : TypedResults.NotFound();

    internal static async Task<Results<Created<WebhookDto>, ValidationProblem>> CreateAsync(
        Guid organizationId, WebhookInput input, OperatorOneDb db, OutboundGuard guard, SecretBox secrets, TimeProvider clock, HttpContext http,
        CancellationToken cancellationToken)
    {
        var errors = await CheckAsync(input, creating: true, guard, cancellationToken);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var (events, _) = WebhookSubscriptions.Events(input.Events);
        var (row, secret) = await WebhookSubscriptions.AddAsync(db, organizationId, input.Url!, events, input.Description ?? "",
            http.Features.Get<AdminCaller>()?.MemberId, secrets, clock.GetUtcNow(), cancellationToken);
        row.IsActive = input.Active ?? true;
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/admin/v1/organizations/{organizationId}/webhooks/{row.Id}", WebhookDto.Of(row, secret));
    }

    internal static async Task<Results<Ok<WebhookDto>, NotFound, ValidationProblem>> UpdateAsync(
        Guid subscriptionId, WebhookInput input, OperatorOneDb db, OutboundGuard guard, TimeProvider clock, CancellationToken cancellationToken)
    {
        var row = await db.WebhookSubscriptions.SingleOrDefaultAsync(s => s.Id == subscriptionId, cancellationToken);
        if (row is null)
        {
            return TypedResults.NotFound();
        }
        var errors = await CheckAsync(input, creating: false, guard, cancellationToken);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        row.Url = input.Url?.Trim() ?? row.Url;
        row.Events = input.Events is null ? row.Events : WebhookSubscriptions.Events(input.Events).Events;
        row.Description = input.Description?.Trim() ?? row.Description;
        if (input.Active is { } active && active != row.IsActive)
        {
            row.IsActive = active;
            row.StoppedReason = active ? null : "paused through the admin API";
            row.StoppedAt = active ? null : clock.GetUtcNow();
        }
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(WebhookDto.Of(row));
    }

    internal static async Task<Results<NoContent, NotFound>> DeleteAsync(Guid subscriptionId, OperatorOneDb db, CancellationToken cancellationToken) =>
        await db.WebhookSubscriptions.Where(s => s.Id == subscriptionId).ExecuteDeleteAsync(cancellationToken) == 0 ? TypedResults.NotFound() : TypedResults.NoContent();

    internal static async Task<Results<Ok<WebhookDto>, NotFound>> RotateAsync(Guid subscriptionId, OperatorOneDb db, SecretBox secrets, CancellationToken cancellationToken)
    {
        var row = await db.WebhookSubscriptions.SingleOrDefaultAsync(s => s.Id == subscriptionId, cancellationToken);
        if (row is null)
        {
            return TypedResults.NotFound();
        }
        var secret = RequestSignature.NewSecret();
        row.SigningSecretCipher = secrets.Encrypt(secret);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(WebhookDto.Of(row, secret));
    }

    internal static async Task<Results<Accepted<DeliveryDto>, NotFound, ProblemHttpResult>> TestAsync(
        Guid subscriptionId, OperatorOneDb db, Bot.Core.Work.WorkSignal signal, TimeProvider clock, CancellationToken cancellationToken)
    {
        var row = await db.WebhookSubscriptions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == subscriptionId, cancellationToken);
        if (row is null)
        {
            return TypedResults.NotFound();
        }
        if (!row.IsActive)
        {
            return TypedResults.Problem("The subscription is stopped; resume it (PATCH active: true) first.", statusCode: StatusCodes.Status409Conflict);
        }
        WebhookSubscriptions.Ping(db, row, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        signal.Notify(Bot.Core.Outbox.OutboxWork.QueueName);
        var sent = await db.OutboxMessages.AsNoTracking().Where(m => m.WebhookSubscriptionId == subscriptionId).OrderByDescending(m => m.Id).FirstAsync(cancellationToken);
        return TypedResults.Accepted((string?)null, DeliveryDto.Of(sent));
    }

    internal static async Task<Results<Ok<List<DeliveryDto>>, NotFound, ValidationProblem>> DeliveriesAsync(
        Guid subscriptionId, string? status, int? limit, OperatorOneDb db, CancellationToken cancellationToken)
    {
        if (!await db.WebhookSubscriptions.AnyAsync(s => s.Id == subscriptionId, cancellationToken))
        {
            return TypedResults.NotFound();
        }
        OutboxStatus? wanted = null;
        if (status is not null)
        {
            if (!Enum.TryParse<OutboxStatus>(status, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(status, out _))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["status"] = ["pending, sent or dead."] });
            }
            wanted = parsed;
        }
        if (limit is < 1 or > 500)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["limit"] = ["1 to 500."] });
        }
        var rows = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.WebhookSubscriptionId == subscriptionId && (wanted == null || m.Status == wanted))
            .OrderByDescending(m => m.Id).Take(limit ?? 100).ToListAsync(cancellationToken);
        return TypedResults.Ok(rows.Select(DeliveryDto.Of).ToList());
    }

    internal static async Task<Results<Accepted<DeliveryDto>, NotFound, ProblemHttpResult>> ReplayAsync(
        Guid subscriptionId, long deliveryId, OperatorOneDb db, Bot.Core.Work.WorkSignal signal, TimeProvider clock, CancellationToken cancellationToken)
    {
        var row = await db.WebhookSubscriptions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == subscriptionId, cancellationToken);
        if (row is null)
        {
            return TypedResults.NotFound();
        }
        if (!row.IsActive)
        {
            return TypedResults.Problem("The subscription is stopped; resume it (PATCH active: true) first.", statusCode: StatusCodes.Status409Conflict);
        }
        if (await WebhookSubscriptions.ReplayAsync(db, subscriptionId, deliveryId, clock.GetUtcNow(), cancellationToken) is not { } copy)
        {
            return TypedResults.NotFound();
        }
        signal.Notify(Bot.Core.Outbox.OutboxWork.QueueName);
        return TypedResults.Accepted((string?)null, DeliveryDto.Of(await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == copy, cancellationToken)));
    }

    private static async Task<Dictionary<string, string[]>> CheckAsync(WebhookInput input, bool creating, OutboundGuard guard, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if ((creating || input.Url is not null) && await WebhookSubscriptions.UrlProblemAsync(input.Url, guard, cancellationToken) is { } urlProblem)
        {
            errors["url"] = [urlProblem];
        }
        if ((creating || input.Events is not null) && WebhookSubscriptions.Events(input.Events).Problem is { } eventProblem)
        {
            errors["events"] = [eventProblem];
        }
        if (input.Description is { Length: > MaxDescription })
        {
            errors["description"] = [$"At most {MaxDescription} characters."];
        }
        return errors;
    }
}
