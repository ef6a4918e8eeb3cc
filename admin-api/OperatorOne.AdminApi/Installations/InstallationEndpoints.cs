using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using OperatorOne.Bot.Core.Security;
using OperatorOne.Bot.Core.Tenancy;
using OperatorOne.Data;
using OperatorOne.Data.Channels;

namespace OperatorOne.AdminApi.Installations;

/// <summary>
/// Where the organization is reachable. A Teams tenant, Slack workspace or phone number is pending until the organization
/// proves it controls it (<see cref="InstallationClaims"/>); a refusal never tells whether another organization holds the
/// id. Secrets go in encrypted (bot tokens) or hashed (site secrets, Teams codes) and never come back out, except a new site
/// secret or Teams code, shown once.
/// </summary>
internal static class InstallationEndpoints
{
    public static void MapInstallations(this RouteGroupBuilder organization)
    {
        var installations = organization.MapGroup("/installations").WithTags("Channel installations");
        installations.MapGet("", ListAsync).WithSummary("List Teams tenants, Slack workspaces, Twilio numbers, web chat sites and support mailboxes, each verified, pending (with the next step) or revoked.");
        installations.MapPost("", CreateAsync)
            .WithSummary("Claim a channel id: msteams (tenant id; pending until the returned code is sent to the bot from that tenant), slack (team id; " +
                "proven by the bot token given as secret, whose auth.test must answer that team, or by the returned install link), voice (phone number, " +
                "twilio and phone are accepted too; proven when the configured Twilio account owns it), webchat (a site; its id gets a random suffix and " +
                "its secret is returned once) or email (the support mailbox address; proven by signing in to it over IMAP with the password given as secret).");
        installations.MapPost("/{installationId:guid}/verify", VerifyAsync)
            .WithSummary("Try a pending installation's proof again: auth.test, the Twilio lookup or the IMAP sign-in again; for Teams a new code (the old one stops working).");
        installations.MapDelete("/{installationId:guid}", RemoveAsync).WithSummary("Remove an installation, verified or pending.");
        installations.MapPost("/sites/{installationId:guid}/rotate-secret", RotateSecretAsync)
            .WithSummary("Give a web chat site a new secret, returned once; the old one stops working at once.");
    }

    internal static async Task<Ok<List<InstallationDto>>> ListAsync(OperatorOneDb db, CancellationToken cancellationToken) =>
        TypedResults.Ok((await db.ChannelInstallations.AsNoTracking().OrderBy(i => i.Channel).ThenBy(i => i.ExternalId).ToListAsync(cancellationToken))
            .Select(i => InstallationDto.From(i)).ToList());

    internal static async Task<Results<Created<InstallationDto>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        Guid organizationId, InstallationCreate create, OperatorOneDb db, SecretBox secrets, InstallationClaims claims, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var errors = create.Validate();
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var channel = Installable(create.Channel)!;
        var country = await db.Organizations.Where(o => o.Id == organizationId).Select(o => o.Country).SingleOrDefaultAsync(cancellationToken) ?? "US";
        // A number is stored as Twilio sends it (E.164), however it was typed.
        var (normalized, problem) = ChannelExternalIds.Normalize(channel, create.ExternalId, country);
        if (normalized is not { } externalId)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["externalId"] = [problem!] });
        }
        var installation = new ChannelInstallation
        {
            Id = Guid.NewGuid(), OrganizationId = organizationId, Channel = channel, ExternalId = externalId,
            DisplayName = create.DisplayName?.Trim() ?? "", CreatedAt = clock.GetUtcNow(),
        };
        if (channel == ChannelNames.WebChat)
        {
            // Site ids are ours to hand out: a random suffix keeps them unique without telling anyone which names are taken.
            installation.ExternalId = $"{installation.ExternalId}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}";
            var siteSecret = NewSiteSecret(installation.ExternalId);
            installation.SecretHash = SecretBox.Hash(siteSecret);
            installation.VerifiedAt = installation.CreatedAt;
            installation.Proof = InstallationProofs.WebChatSite;
            db.ChannelInstallations.Add(installation);
            await db.SaveChangesAsync(cancellationToken);
            return Created(organizationId, InstallationDto.From(installation, siteSecret));
        }
        // Only this organization's own claims are visible here (row-level security), so this says nothing about others.
        if (await db.ChannelInstallations.AnyAsync(i => i.Channel == channel && i.ExternalId == installation.ExternalId, cancellationToken))
        {
            return TypedResults.Problem("This organization already has that installation: GET it for its state, or POST …/verify to try its proof again.",
                statusCode: StatusCodes.Status409Conflict);
        }
        if (!string.IsNullOrEmpty(create.Secret))
        {
            installation.SecretCipher = secrets.Encrypt(create.Secret);
        }
        var outcome = await claims.ProveAsync(installation, create.Secret, cancellationToken);
        if (outcome is ProofOutcome.Refused refused)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [refused.Field] = [refused.Reason] });
        }
        db.ChannelInstallations.Add(installation);
        return Created(organizationId, await claims.ApplyAsync(db, installation, outcome, cancellationToken));
    }

    internal static async Task<Results<Ok<InstallationDto>, NotFound, ValidationProblem>> VerifyAsync(
        Guid installationId, OperatorOneDb db, SecretBox secrets, InstallationClaims claims, CancellationToken cancellationToken)
    {
        var installation = await db.ChannelInstallations.SingleOrDefaultAsync(i => i.Id == installationId, cancellationToken);
        if (installation is null)
        {
            return TypedResults.NotFound();
        }
        if (installation.VerifiedAt is not null)
        {
            return TypedResults.Ok(InstallationDto.From(installation));
        }
        var secret = installation.SecretCipher is { } cipher ? secrets.Decrypt(cipher) : null;
        var outcome = await claims.ProveAsync(installation, secret, cancellationToken);
        if (outcome is ProofOutcome.Refused refused)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [refused.Field] = [refused.Reason] });
        }
        return TypedResults.Ok(await claims.ApplyAsync(db, installation, outcome, cancellationToken));
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
        return TypedResults.Ok(InstallationDto.From(site, secret));
    }

    private static Created<InstallationDto> Created(Guid organizationId, InstallationDto installation) =>
        TypedResults.Created($"/admin/v1/organizations/{organizationId}/installations/{installation.Id}", installation);

    /// <summary>"&lt;siteId&gt;.&lt;random&gt;": the page presents it and the site id in front finds the installation.</summary>
    private static string NewSiteSecret(string siteId) => $"{siteId}.{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24))}";

    /// <summary>The channels an organization is installed on; what people call them is accepted too ("teams", "twilio").</summary>
    internal static string? Installable(string? channel) =>
        ChannelNames.Parse(channel) is ChannelNames.Teams or ChannelNames.Slack or ChannelNames.Voice or ChannelNames.WebChat or ChannelNames.Email
            ? ChannelNames.Parse(channel) : null;
}
