using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using OperatorOne.Bot.Core.Security;
using OperatorOne.Data;
using OperatorOne.Data.Channels;
using OperatorOne.Data.Members;
using OperatorOne.Data.Organizations;

namespace OperatorOne.Bot.Hosting;

/// <summary>The demo organization ./run.sh opens with: four members, one per role, signed in through the web chat.</summary>
internal static class DemoSeed
{
    public static readonly Guid OrganizationId = Guid.Parse("0d3e0000-0000-4000-8000-000000000001");
    public const string SiteId = "demo-site";

    public static readonly (string Handle, string Name, MemberRole Role)[] Members =
    [
        ("owner", "Olivia Owner", MemberRole.Owner),
        ("admin", "Ada Admin", MemberRole.Admin),
        ("member", "Mia Member", MemberRole.Member),
        ("viewer", "Victor Viewer", MemberRole.Viewer),
    ];

    public static async Task EnsureAsync(OperatorOneDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        await db.UseOrganizationAsync(OrganizationId, cancellationToken);
        if (await db.Organizations.AnyAsync(o => o.Id == OrganizationId, cancellationToken))
        {
            return;
        }
        var now = clock.GetUtcNow();
        db.Organizations.Add(new Organization
        {
            Id = OrganizationId,
            Name = "Demo Company",
            BusinessContext = "Demo Company is a 40-person office supplies distributor with a small IT team and a sales desk.",
            CreatedAt = now,
        });
        db.ChannelInstallations.Add(new ChannelInstallation
        {
            Id = Guid.NewGuid(),
            OrganizationId = OrganizationId,
            Channel = "webchat",
            ExternalId = SiteId,
            DisplayName = "Demo web chat",
            // The demo page signs in without the secret (Development only); production sites get theirs from the admin API.
            SecretHash = SecretBox.Hash($"{SiteId}.{Convert.ToHexString(RandomNumberGenerator.GetBytes(24))}"),
            CreatedAt = now,
        });
        foreach (var (handle, name, role) in Members)
        {
            var member = new Member
            {
                Id = Guid.NewGuid(),
                OrganizationId = OrganizationId,
                DisplayName = name,
                Handle = handle,
                Email = $"{handle}@demo.example",
                Role = role,
                CreatedAt = now,
            };
            db.Members.Add(member);
            db.ChannelIdentities.Add(new ChannelIdentity
            {
                Id = Guid.NewGuid(),
                OrganizationId = OrganizationId,
                MemberId = member.Id,
                Channel = "webchat",
                ExternalId = $"demo-{handle}",
                CreatedAt = now,
            });
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
