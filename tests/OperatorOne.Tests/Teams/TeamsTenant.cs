using OperatorOne.Data.Channels;
using OperatorOne.Data.Members;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.Teams;

/// <summary>A test organization connected to a Teams tenant, each member linked by an Entra object id.</summary>
public sealed record TeamsTenant(string TenantId, TestOrganization Organization, IReadOnlyDictionary<string, string> AadObjectIds)
{
    public static async Task<TeamsTenant> ConnectAsync(BotHost host, TestOrganization organization)
    {
        var tenantId = Guid.NewGuid().ToString();
        var aadIds = organization.Members.Keys.ToDictionary(handle => handle, _ => Guid.NewGuid().ToString());
        await host.InOrganizationAsync(organization.Id, async db =>
        {
            var now = DateTimeOffset.UtcNow;
            db.ChannelInstallations.Add(new ChannelInstallation
            {
                Id = Guid.NewGuid(), OrganizationId = organization.Id, Channel = "msteams", ExternalId = tenantId, CreatedAt = now, VerifiedAt = now,
            });
            foreach (var (handle, memberId) in organization.Members)
            {
                db.ChannelIdentities.Add(new ChannelIdentity
                {
                    Id = Guid.NewGuid(), OrganizationId = organization.Id, MemberId = memberId, Channel = "msteams",
                    ExternalId = aadIds[handle], CreatedAt = now,
                });
            }
            return await db.SaveChangesAsync();
        });
        return new TeamsTenant(tenantId, organization, aadIds);
    }

    public static async Task<TeamsTenant> CreateAsync(BotHost host) => await ConnectAsync(host, await TestOrganization.CreateAsync(host));
}
