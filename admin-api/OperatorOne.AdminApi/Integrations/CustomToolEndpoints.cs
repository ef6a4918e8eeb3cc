using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using OperatorOne.Bot.Core.Security;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Data;
using OperatorOne.Data.Integrations;
using OperatorOne.Data.Members;
using OperatorOne.Skills.Integrations;

namespace OperatorOne.AdminApi.Integrations;

/// <summary>
/// Custom HTTP tools (admins): define, change, remove, rotate the signing secret. Header values and the secret are
/// write-only: a response shows header names, and the secret only in the answer that made it.
/// </summary>
internal static class CustomToolEndpoints
{
    public static void MapCustomTools(this RouteGroupBuilder organization)
    {
        var tools = organization.MapGroup("/custom-tools").WithTags("Custom tools").WithMetadata(new AdminAccess(MemberRole.Admin));
        tools.MapGet("", ListAsync).WithSummary("List the organization's custom tools (header names only, never values).");
        tools.MapGet("/{toolId:guid}", GetAsync).WithSummary("One custom tool.");
        tools.MapPost("", CreateAsync).WithSummary("Define a custom tool; its signing secret is in this response only.");
        tools.MapPatch("/{toolId:guid}", UpdateAsync).WithSummary("Change a custom tool; absent fields stay, headers given replace all headers.");
        tools.MapDelete("/{toolId:guid}", DeleteAsync).WithSummary("Remove a custom tool and its secrets.");
        tools.MapPost("/{toolId:guid}/rotate-secret", RotateAsync).WithSummary("A new signing secret, in this response only; the old one stops at once.");
    }

    internal static async Task<Ok<List<CustomToolDto>>> ListAsync(OperatorOneDb db, CancellationToken cancellationToken) =>
        TypedResults.Ok((await db.CustomTools.AsNoTracking().OrderBy(t => t.Name).ToListAsync(cancellationToken)).Select(t => CustomToolDto.Of(t)).ToList());

    internal static async Task<Results<Ok<CustomToolDto>, NotFound>> GetAsync(Guid toolId, OperatorOneDb db, CancellationToken cancellationToken) =>
        await db.CustomTools.AsNoTracking().SingleOrDefaultAsync(t => t.Id == toolId, cancellationToken) is { } row
            ? TypedResults.Ok(CustomToolDto.Of(row)) : TypedResults.NotFound();

    internal static async Task<Results<Created<CustomToolDto>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        Guid organizationId, CustomToolInput input, OperatorOneDb db, ToolRegistry registry, OutboundGuard guard, SecretBox secrets, TimeProvider clock,
        HttpContext http, CancellationToken cancellationToken)
    {
        var (spec, errors) = CustomToolRules.Check(input, null, registry.IsBuiltIn);
        if (spec is null)
        {
            return TypedResults.ValidationProblem(errors);
        }
        if (await guard.RefusalAsync(CustomToolRules.Sample(spec.UrlTemplate), cancellationToken) is { } refusal)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["url"] = [refusal] });
        }
        if (await db.CustomTools.AnyAsync(t => t.Name == spec.Name, cancellationToken))
        {
            return TypedResults.Problem($"There is already a custom tool called '{spec.Name}'.", statusCode: StatusCodes.Status409Conflict);
        }
        var now = clock.GetUtcNow();
        var row = spec.ToRow(organizationId, http.Features.Get<AdminCaller>()?.MemberId, now);
        row.IsEnabled = input.Enabled ?? true;
        CustomToolSecrets.SetHeaders(row, input.Headers ?? [], secrets);
        var secret = CustomToolSecrets.NewSigningSecret(row, secrets);
        db.CustomTools.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/admin/v1/organizations/{organizationId}/custom-tools/{row.Id}", CustomToolDto.Of(row, secret));
    }

    internal static async Task<Results<Ok<CustomToolDto>, NotFound, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        Guid toolId, CustomToolInput input, OperatorOneDb db, ToolRegistry registry, OutboundGuard guard, SecretBox secrets, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var row = await db.CustomTools.SingleOrDefaultAsync(t => t.Id == toolId, cancellationToken);
        if (row is null)
        {
            return TypedResults.NotFound();
        }
        var (spec, errors) = CustomToolRules.Check(input, CustomToolSpec.From(row), registry.IsBuiltIn);
        if (spec is null)
        {
            return TypedResults.ValidationProblem(errors);
        }
        if (spec.UrlTemplate != row.UrlTemplate && await guard.RefusalAsync(CustomToolRules.Sample(spec.UrlTemplate), cancellationToken) is { } refusal)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["url"] = [refusal] });
        }
        if (spec.Name != row.Name && await db.CustomTools.AnyAsync(t => t.Name == spec.Name, cancellationToken))
        {
            return TypedResults.Problem($"There is already a custom tool called '{spec.Name}'.", statusCode: StatusCodes.Status409Conflict);
        }
        spec.ApplyTo(row, clock.GetUtcNow());
        if (input.Headers is { } headers)
        {
            CustomToolSecrets.SetHeaders(row, headers, secrets);
        }
        row.IsEnabled = input.Enabled ?? row.IsEnabled;
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(CustomToolDto.Of(row));
    }

    internal static async Task<Results<NoContent, NotFound>> DeleteAsync(Guid toolId, OperatorOneDb db, CancellationToken cancellationToken) =>
        await db.CustomTools.Where(t => t.Id == toolId).ExecuteDeleteAsync(cancellationToken) == 0 ? TypedResults.NotFound() : TypedResults.NoContent();

    internal static async Task<Results<Ok<CustomToolDto>, NotFound>> RotateAsync(Guid toolId, OperatorOneDb db, SecretBox secrets, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var row = await db.CustomTools.SingleOrDefaultAsync(t => t.Id == toolId, cancellationToken);
        if (row is null)
        {
            return TypedResults.NotFound();
        }
        var secret = CustomToolSecrets.NewSigningSecret(row, secrets);
        row.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(CustomToolDto.Of(row, secret));
    }
}

/// <summary>A custom tool as the admin API shows it; <see cref="SigningSecret"/> only in the answer that made it.</summary>
internal sealed record CustomToolDto(
    Guid Id, string Name, string Description, string Method, string Url, JsonObject Parameters, ToolTier Tier, MemberRole MinimumRole,
    List<string> Phrasings, List<string> HeaderNames, int TimeoutSeconds, JsonObject? Response, bool Enabled, DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt, string? SigningSecret)
{
    public static CustomToolDto Of(CustomTool row, string? secret = null)
    {
        var spec = CustomToolSpec.From(row);
        return new CustomToolDto(row.Id, row.Name, row.Description, row.Method, row.UrlTemplate, spec.Schema, spec.Tier, row.MinimumRole,
            row.Phrasings, row.HeaderNames, row.TimeoutSeconds, spec.Response, row.IsEnabled, row.CreatedAt, row.UpdatedAt, secret);
    }
}
