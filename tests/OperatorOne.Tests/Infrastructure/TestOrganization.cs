using OperatorOne.Bot.Core.Security;
using OperatorOne.Data;
using OperatorOne.Data.Channels;
using OperatorOne.Data.Members;
using OperatorOne.Data.Organizations;

namespace OperatorOne.Tests.Infrastructure;

/// <summary>
/// A fresh organization for one test: owner, admin, member and viewer (handles owner/admin/member/viewer plus a
/// unique suffix in their web chat ids) and a web chat site whose secret the test knows.
/// </summary>
public sealed record TestOrganization(Guid Id, string SiteId, string SiteSecret, IReadOnlyDictionary<string, Guid> Members)
{
    public string WebChatUserId(string handle) => $"{SiteId}-{handle}";

    // presetId: an id chosen in advance, for settings that name the organization before the host starts.
    public static Task<TestOrganization> CreateAsync(BotHost host, Action<Organization>? configure = null, Guid? presetId = null) =>
        CreateAsync(host.InOrganizationAsync<int>, configure, presetId);

    /// <summary>For stores the test reaches without a host in process (the bots run as separate processes).</summary>
    public static async Task<TestOrganization> CreateAsync(
        Func<Guid, Func<OperatorOneDb, Task<int>>, Task<int>> inOrganization, Action<Organization>? configure = null, Guid? presetId = null)
    {
        var id = presetId ?? Guid.NewGuid();
        var siteId = $"site-{id:N}"[..17];
        var secret = $"{siteId}.{Guid.NewGuid():N}";
        var members = new Dictionary<string, Guid>();
        await inOrganization(id, async db =>
        {
            var now = DateTimeOffset.UtcNow;
            var organization = new Organization { Id = id, Name = $"Test Org {id:N}"[..17], BusinessContext = "A test company.", CreatedAt = now };
            configure?.Invoke(organization);
            db.Organizations.Add(organization);
            db.ChannelInstallations.Add(new ChannelInstallation
            {
                Id = Guid.NewGuid(), OrganizationId = id, Channel = "webchat", ExternalId = siteId,
                SecretHash = SecretBox.Hash(secret), CreatedAt = now, VerifiedAt = now,
            });
            foreach (var (handle, name, role) in new[]
            {
                ("owner", "Olivia Owner", MemberRole.Owner), ("admin", "Ada Admin", MemberRole.Admin),
                ("admin2", "Alan Admin", MemberRole.Admin), ("member", "Mia Member", MemberRole.Member),
                ("viewer", "Victor Viewer", MemberRole.Viewer),
            })
            {
                var member = new Member { Id = Guid.NewGuid(), OrganizationId = id, DisplayName = name, Handle = handle, Role = role, CreatedAt = now };
                members[handle] = member.Id;
                db.Members.Add(member);
                db.ChannelIdentities.Add(new ChannelIdentity
                {
                    Id = Guid.NewGuid(), OrganizationId = id, MemberId = member.Id, Channel = "webchat",
                    ExternalId = $"{siteId}-{handle}", CreatedAt = now,
                });
            }
            return await db.SaveChangesAsync();
        });
        return new TestOrganization(id, siteId, secret, members);
    }
}
