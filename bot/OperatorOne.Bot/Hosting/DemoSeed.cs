using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using OperatorOne.Bot.Core.Security;
using OperatorOne.Bot.Hosting.Demo;
using OperatorOne.Data;
using OperatorOne.Data.Channels;
using OperatorOne.Data.Members;
using OperatorOne.Skills.Tickets;

namespace OperatorOne.Bot.Hosting;

/// <summary>
/// The demo organization ./run.sh opens with: its content (<see cref="DemoContent"/>: members, tickets, CRM, calendar,
/// documents) and a Teams tenant with fixed Entra object ids so a local Teams-like client (local-test mode) is recognised
/// out of the box.
/// </summary>
internal static class DemoSeed
{
    public static readonly Guid OrganizationId = Guid.Parse("0d3e0000-0000-4000-8000-000000000001");
    public const string SiteId = "demo-site";

    /// <summary>The demo Teams tenant (channelData.tenant.id); documented in README.md and manifests/teams/README.md.</summary>
    public const string TeamsTenantId = "0d3e7e00-0000-4000-8000-000000000001";

    /// <summary>The demo members' Entra object ids (from.aadObjectId), by handle.</summary>
    public static readonly IReadOnlyDictionary<string, string> TeamsAadObjectIds = new Dictionary<string, string>
    {
        ["owner"] = "0d3e7e00-0000-4000-8000-000000000011",
        ["admin"] = "0d3e7e00-0000-4000-8000-000000000012",
        ["member"] = "0d3e7e00-0000-4000-8000-000000000013",
        ["viewer"] = "0d3e7e00-0000-4000-8000-000000000014",
    };

    /// <summary>The demo members (<see cref="DemoMembers"/>): one per role, and Max.</summary>
    public static (string Handle, string Name, MemberRole Role, string? TimeZone)[] Members => DemoMembers.All;

    /// <summary>Creates the demo organization once; its tickets are opened through <paramref name="lifecycle"/>, as a ticket tool opens them.</summary>
    public static async Task EnsureAsync(OperatorOneDb db, SecretBox secrets, ITicketLifecycle lifecycle, TimeProvider clock, CancellationToken cancellationToken)
    {
        await db.UseOrganizationAsync(OrganizationId, cancellationToken);
        var now = clock.GetUtcNow();
        if (!await db.Organizations.AnyAsync(o => o.Id == OrganizationId, cancellationToken))
        {
            await CreateAsync(db, secrets, lifecycle, now, cancellationToken);
        }
        // Separately, so a demo database from before the Teams channel gets its tenant too.
        await EnsureTeamsAsync(db, now, cancellationToken);
    }

    private static Task CreateAsync(OperatorOneDb db, SecretBox secrets, ITicketLifecycle lifecycle, DateTimeOffset now, CancellationToken cancellationToken) =>
        // The demo page signs in without the secret (Development only); production sites get theirs from the admin API.
        DemoContent.SeedAsync(db, new DemoTenant(OrganizationId, SiteId, SecretBox.Hash($"{SiteId}.{Convert.ToHexString(RandomNumberGenerator.GetBytes(24))}"), "demo"), secrets,
            lifecycle, now, cancellationToken);

    private static async Task EnsureTeamsAsync(OperatorOneDb db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await db.ChannelInstallations.AnyAsync(i => i.Channel == ChannelNames.Teams, cancellationToken))
        {
            return;
        }
        db.ChannelInstallations.Add(new ChannelInstallation
        {
            Id = Guid.NewGuid(),
            OrganizationId = OrganizationId,
            Channel = ChannelNames.Teams,
            ExternalId = TeamsTenantId,
            DisplayName = "Demo Teams tenant",
            CreatedAt = now,
            // A made-up tenant of the demo data, proven by fiat: no real tenant has this id.
            VerifiedAt = now,
            Proof = InstallationProofs.Demo,
        });
        var members = await db.Members.Where(m => TeamsAadObjectIds.Keys.Contains(m.Handle)).ToListAsync(cancellationToken);
        foreach (var member in members)
        {
            db.ChannelIdentities.Add(new ChannelIdentity
            {
                Id = Guid.NewGuid(),
                OrganizationId = OrganizationId,
                MemberId = member.Id,
                Channel = ChannelNames.Teams,
                ExternalId = TeamsAadObjectIds[member.Handle],
                CreatedAt = now,
            });
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
