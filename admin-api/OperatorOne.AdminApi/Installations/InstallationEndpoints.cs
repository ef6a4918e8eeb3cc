using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using OperatorOne.Bot.Core.Security;
using OperatorOne.Data;
using OperatorOne.Data.Channels;

namespace OperatorOne.AdminApi.Installations;

/// <summary>
/// Where the organization is reachable. Secrets go in encrypted (bot tokens) or hashed (web chat site secrets) and never
/// come back out, except a new site secret, shown once.
/// </summary>
internal static class InstallationEndpoints
{
    public static void MapInstallations(this RouteGroupBuilder organization)
    {
        var installations = organization.MapGroup("/installations").WithTags("Channel installations");
        installations.MapGet("", ListAsync).WithSummary("List Teams tenants, Slack workspaces, Twilio numbers, web chat sites and support mailboxes.");
        installations.MapPost("", CreateAsync)
            .WithSummary("Install a channel: channel msteams (tenant id), slack (team id, bot token), voice (phone number; twilio and phone are accepted too) webchat (site id; the secret is returned once) or email (the support mailbox address; secret: its IMAP/SMTP password).");
        installations.MapDelete("/{installationId:guid}", RemoveAsync).WithSummary("Remove an installation.");
        installations.MapPost("/sites/{installationId:guid}/rotate-secret", RotateSecretAsync)
            .WithSummary("Give a web chat site a new secret, returned once; the old one stops working at once.");
    }

    internal static async Task<Ok<List<InstallationDto>>> ListAsync(OperatorOneDb db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await db.ChannelInstallations.AsNoTracking().OrderBy(i => i.Channel).ThenBy(i => i.ExternalId)
            .Select(i => new InstallationDto(i.Id, i.Channel, i.ExternalId, i.DisplayName, i.SecretCipher != null || i.SecretHash != null, i.CreatedAt, null))
            .ToListAsync(cancellationToken));

    internal static async Task<Results<Created<InstallationDto>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        Guid organizationId, InstallationCreate create, OperatorOneDb db, SecretBox secrets, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = create.Validate();
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var channel = Installable(create.Channel)!;
        var externalId = channel == ChannelNames.Email ? create.ExternalId.Trim().ToLowerInvariant() : create.ExternalId.Trim();
        // The lookup crosses organizations, so a tenant or site taken by anyone else is refused too.
        if (await Bot.Core.Tenancy.Installations.FindOrganizationAsync(db, channel, externalId, cancellationToken) is not null)
        {
            return TypedResults.Problem("That installation already exists.", statusCode: StatusCodes.Status409Conflict);
        }
        var installation = new ChannelInstallation
        {
            Id = Guid.NewGuid(), OrganizationId = organizationId, Channel = channel, ExternalId = externalId,
            DisplayName = create.DisplayName?.Trim() ?? "", CreatedAt = clock.GetUtcNow(),
        };
        string? siteSecret = null;
        if (installation.Channel == ChannelNames.WebChat)
        {
            siteSecret = NewSiteSecret(externalId);
            installation.SecretHash = SecretBox.Hash(siteSecret);
        }
        else if (!string.IsNullOrEmpty(create.Secret))
        {
            installation.SecretCipher = secrets.Encrypt(create.Secret);
        }
        db.ChannelInstallations.Add(installation);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/admin/v1/organizations/{organizationId}/installations/{installation.Id}",
            new InstallationDto(installation.Id, installation.Channel, externalId, installation.DisplayName,
                installation.SecretCipher is not null || installation.SecretHash is not null, installation.CreatedAt, siteSecret));
    }

    internal static async Task<Results<NoContent, NotFound>> RemoveAsync(Guid installationId, OperatorOneDb db, CancellationToken cancellationToken) =>
        await db.ChannelInstallations.Where(i => i.Id == installationId).ExecuteDeleteAsync(cancellationToken) == 0
            ? TypedResults.NotFound()
            : TypedResults.NoContent();

    internal static async Task<Results<Ok<InstallationDto>, NotFound>> RotateSecretAsync(
        Guid installationId, OperatorOneDb db, CancellationToken cancellationToken)
    {
        var site = await db.ChannelInstallations.SingleOrDefaultAsync(i => i.Id == installationId && i.Channel == ChannelNames.WebChat, cancellationToken);
        if (site is null)
        {
            return TypedResults.NotFound();
        }
        var secret = NewSiteSecret(site.ExternalId);
        site.SecretHash = SecretBox.Hash(secret);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new InstallationDto(site.Id, site.Channel, site.ExternalId, site.DisplayName, true, site.CreatedAt, secret));
    }

    /// <summary>"&lt;siteId&gt;.&lt;random&gt;": the page presents it and the site id in front finds the installation.</summary>
    private static string NewSiteSecret(string siteId) => $"{siteId}.{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24))}";

    /// <summary>The channels an organization is installed on; what people call them is accepted too ("teams", "twilio").</summary>
    internal static string? Installable(string? channel) =>
        ChannelNames.Parse(channel) is ChannelNames.Teams or ChannelNames.Slack or ChannelNames.Voice or ChannelNames.WebChat or ChannelNames.Email
            ? ChannelNames.Parse(channel) : null;
}

/// <summary>An installation; <see cref="Secret"/> is set only in the response that created or rotated it.</summary>
internal sealed record InstallationDto(Guid Id, string Channel, string ExternalId, string DisplayName, bool HasSecret, DateTimeOffset CreatedAt, string? Secret);

internal sealed record InstallationCreate(string? Channel, string ExternalId, string? DisplayName, string? Secret)
{
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (InstallationEndpoints.Installable(Channel) is null)
        {
            errors["channel"] = ["The channel must be msteams, slack, voice (a phone number), webchat or email (a mailbox address)."];
        }
        if (string.IsNullOrWhiteSpace(ExternalId) || ExternalId.Length > 200 || ExternalId.Contains('.', StringComparison.Ordinal) && InstallationEndpoints.Installable(Channel) == ChannelNames.WebChat)
        {
            errors["externalId"] = ["The external id must be 1 to 200 characters (a web chat site id has no '.')."];
        }
        if (InstallationEndpoints.Installable(Channel) == ChannelNames.Email && Bot.Core.Notices.EmailConversations.Address(ExternalId) is null)
        {
            errors["externalId"] = ["A mailbox is an email address (support@example.com)."];
        }
        if (DisplayName is { Length: > 200 })
        {
            errors["displayName"] = ["The display name is limited to 200 characters."];
        }
        if (Secret is { Length: > 4000 })
        {
            errors["secret"] = ["The secret is limited to 4,000 characters."];
        }
        return errors;
    }
}
