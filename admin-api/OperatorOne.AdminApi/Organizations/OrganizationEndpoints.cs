using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using OperatorOne.Data;
using OperatorOne.Data.Members;
using OperatorOne.Data.Organizations;

namespace OperatorOne.AdminApi.Organizations;

/// <summary>The organization's settings, business context and approval policy.</summary>
internal static class OrganizationEndpoints
{
    public static void MapOrganizations(this RouteGroupBuilder organization)
    {
        organization.MapGet("", GetAsync).WithSummary("Read the organization's settings and approval policy.").WithMetadata(OperatorAccess.Also);
        organization.MapPatch("", UpdateAsync).WithSummary("Change settings, business context or approval policy; omitted fields stay.")
            .WithMetadata(OperatorAccess.Also);
        organization.MapGet("/export", OrganizationExport.ExportAsync)
            .WithSummary("Download everything the organization owns: a zip with one JSON array per table (stored secrets withheld).")
            .WithMetadata(OperatorAccess.Also, new AdminAccess(MemberRole.Owner));
        organization.MapDelete("", OrganizationDeletion.DeleteAsync)
            .WithSummary("Delete the organization and everything it owns: first without ?confirmation= (428 with one), then with it.")
            .WithMetadata(OperatorAccess.Also, new AdminAccess(MemberRole.Owner));
    }

    internal static async Task<Results<Ok<OrganizationDto>, NotFound>> GetAsync(Guid organizationId, OperatorOneDb db, CancellationToken cancellationToken)
    {
        var found = await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == organizationId, cancellationToken);
        return found is null ? TypedResults.NotFound() : TypedResults.Ok(OrganizationDto.From(found));
    }

    internal static async Task<Results<Ok<OrganizationDto>, NotFound, ValidationProblem>> UpdateAsync(
        Guid organizationId, OrganizationUpdate update, OperatorOneDb db, CancellationToken cancellationToken)
    {
        var errors = update.Validate();
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var found = await db.Organizations.SingleOrDefaultAsync(o => o.Id == organizationId, cancellationToken);
        if (found is null)
        {
            return TypedResults.NotFound();
        }
        found.Name = update.Name?.Trim() ?? found.Name;
        found.TimeZone = update.TimeZone is { Length: > 0 } zone ? zone.Trim() : found.TimeZone;
        found.Country = update.Country is { Length: > 0 } ? OrganizationCreation.Country(update.Country)! : found.Country;
        found.BusinessContext = update.BusinessContext ?? found.BusinessContext;
        found.ApprovalExpiry = update.ApprovalExpiryMinutes is { } minutes ? TimeSpan.FromMinutes(minutes) : found.ApprovalExpiry;
        found.AllowSelfApproval = update.AllowSelfApproval ?? found.AllowSelfApproval;
        found.RiskyWriteApproverRole = update.ClearRiskyWriteApproverRole == true ? null : update.RiskyWriteApproverRole ?? found.RiskyWriteApproverRole;
        found.AdminApproverRole = update.ClearAdminApproverRole == true ? null : update.AdminApproverRole ?? found.AdminApproverRole;
        update.Llm?.ApplyTo(found);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(OrganizationDto.From(found));
    }
}

internal sealed record OrganizationDto(
    Guid Id, string Name, string BusinessContext, int ApprovalExpiryMinutes, bool AllowSelfApproval,
    MemberRole? RiskyWriteApproverRole, MemberRole? AdminApproverRole, DateTimeOffset CreatedAt, OrganizationLlmSettings Llm,
    string TimeZone, string Country)
{
    public static OrganizationDto From(Organization o) => new(
        o.Id, o.Name, o.BusinessContext, (int)o.ApprovalExpiry.TotalMinutes, o.AllowSelfApproval,
        o.RiskyWriteApproverRole, o.AdminApproverRole, o.CreatedAt, OrganizationLlmSettings.From(o), o.TimeZone, o.Country);
}

/// <summary>
/// A change to the organization; omitted fields stay. <see cref="AllowSelfApproval"/> also lets a sole approver confirm
/// their own request (a second, audited step) instead of having it refused.
/// </summary>
internal sealed record OrganizationUpdate(
    string? Name, string? BusinessContext, int? ApprovalExpiryMinutes, bool? AllowSelfApproval,
    MemberRole? RiskyWriteApproverRole, MemberRole? AdminApproverRole,
    bool? ClearRiskyWriteApproverRole, bool? ClearAdminApproverRole, OrganizationLlmSettings? Llm = null,
    string? TimeZone = null, string? Country = null)
{
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (TimeZone is { Length: > 0 } zone && !OrganizationCreation.IsTimeZone(zone))
        {
            errors["timeZone"] = [$"'{zone}' is not a time zone; use an IANA id such as Europe/Berlin."];
        }
        if (Country is { Length: > 0 } && OrganizationCreation.Country(Country) is null)
        {
            errors["country"] = [$"'{Country}' is not a two-letter country code (ISO 3166), such as US or BE."];
        }
        if (Name is not null && (Name.Trim().Length == 0 || Name.Length > 200))
        {
            errors["name"] = ["The name must be 1 to 200 characters."];
        }
        if (BusinessContext is { Length: > 20_000 })
        {
            errors["businessContext"] = ["The business context is limited to 20,000 characters."];
        }
        if (ApprovalExpiryMinutes is < 1 or > 60 * 24 * 30)
        {
            errors["approvalExpiryMinutes"] = ["Approvals expire after 1 minute to 30 days."];
        }
        foreach (var (name, role) in new[] { ("riskyWriteApproverRole", RiskyWriteApproverRole), ("adminApproverRole", AdminApproverRole) })
        {
            if (role is not null && (!Enum.IsDefined(role.Value) || role < MemberRole.Member))
            {
                errors[name] = ["Approvers must be member, admin or owner."];
            }
        }
        foreach (var (name, problem) in Llm?.Validate() ?? [])
        {
            errors[name] = [problem];
        }
        return errors;
    }
}
