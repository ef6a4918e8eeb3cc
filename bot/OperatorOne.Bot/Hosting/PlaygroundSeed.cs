using Microsoft.EntityFrameworkCore;
using OperatorOne.Data;
using OperatorOne.Data.Channels;
using OperatorOne.Data.Members;

namespace OperatorOne.Bot.Hosting;

/// <summary>
/// With the demo: the Microsoft 365 Agents Playground's default tenant and users (its built-in configuration, as
/// `npx @microsoft/m365agentsplayground` sends them) connected to the demo organization, so the Playground started
/// with no options talks to ./run.sh --demo as Mia Member. Documented in README.md (Teams).
/// </summary>
internal static class PlaygroundSeed
{
    /// <summary>The Playground's default tenant id (channelData.tenant.id); one digit longer than a GUID, as it ships.</summary>
    public const string TenantId = "00000000-0000-0000-0000-0000000000001";

    /// <summary>The Playground's default users by Entra object id, and the demo member each one is.</summary>
    public static readonly IReadOnlyList<(string AadObjectId, string PlaygroundUser, string DemoHandle)> Users =
    [
        ("00000000-0000-0000-0000-0000000000020", "Alex Wilber", "member"),
        ("00000000-0000-0000-0000-0000000000021", "Megan Bowen", "admin"),
        ("00000000-0000-0000-0000-0000000000022", "Adele Vance", "owner"),
        ("00000000-0000-0000-0000-0000000000023", "Isaiah Langer", "viewer"),
    ];

    public static async Task EnsureAsync(OperatorOneDb db, Guid organizationId, TimeProvider clock, CancellationToken cancellationToken)
    {
        await db.UseOrganizationAsync(organizationId, cancellationToken);
        if (await db.ChannelInstallations.AnyAsync(i => i.Channel == ChannelNames.Teams && i.ExternalId == TenantId, cancellationToken))
        {
            return;
        }
        var now = clock.GetUtcNow();
        db.ChannelInstallations.Add(new ChannelInstallation
        {
            Id = Guid.NewGuid(), OrganizationId = organizationId, Channel = ChannelNames.Teams, ExternalId = TenantId,
            DisplayName = "Microsoft 365 Agents Playground", CreatedAt = now,
            // The Playground's made-up default tenant, proven by fiat like the demo's own (seeded only for the demo).
            VerifiedAt = now, Proof = InstallationProofs.Demo,
        });
        var handles = Users.Select(u => u.DemoHandle).ToList();
        var members = await db.Members.Where(m => handles.Contains(m.Handle)).ToDictionaryAsync(m => m.Handle, m => m.Id, cancellationToken);
        foreach (var (aadObjectId, _, handle) in Users.Where(u => members.ContainsKey(u.DemoHandle)))
        {
            db.ChannelIdentities.Add(new ChannelIdentity
            {
                Id = Guid.NewGuid(), OrganizationId = organizationId, MemberId = members[handle], Channel = ChannelNames.Teams,
                ExternalId = aadObjectId, CreatedAt = now,
            });
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
