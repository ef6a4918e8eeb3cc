using OperatorOne.Data;
using OperatorOne.Data.Channels;
using OperatorOne.Data.Documents;
using OperatorOne.Data.Members;

namespace OperatorOne.Bot.Hosting.Demo;

/// <summary>
/// One member per role with a web chat sign-in, and Max (a member in Berlin, so "Ada and Max" and time zones work), plus
/// the Support team (Ada and Mia).
/// </summary>
internal static class DemoMembers
{
    public static readonly (string Handle, string Name, MemberRole Role, string? TimeZone)[] All =
    [
        ("owner", "Olivia Owner", MemberRole.Owner, null),
        ("admin", "Ada Admin", MemberRole.Admin, null),
        ("member", "Mia Member", MemberRole.Member, null),
        ("viewer", "Victor Viewer", MemberRole.Viewer, null),
        ("max", "Max Miller", MemberRole.Member, "Europe/Berlin"),
    ];

    public static DemoPeople Add(OperatorOneDb db, DemoTenant tenant, DateTimeOffset now)
    {
        var ids = new Dictionary<string, Guid>();
        foreach (var (handle, name, role, zone) in All)
        {
            var member = new Member
            {
                Id = Guid.NewGuid(),
                OrganizationId = tenant.OrganizationId,
                DisplayName = name,
                Handle = handle,
                Email = $"{handle}@demo.example",
                Role = role,
                TimeZone = zone,
                CreatedAt = now,
            };
            ids[handle] = member.Id;
            db.Members.Add(member);
            db.ChannelIdentities.Add(new ChannelIdentity
            {
                Id = Guid.NewGuid(),
                OrganizationId = tenant.OrganizationId,
                MemberId = member.Id,
                Channel = ChannelNames.WebChat,
                ExternalId = tenant.WebChatUserId(handle),
                CreatedAt = now,
            });
        }
        var support = new Team { Id = Guid.NewGuid(), OrganizationId = tenant.OrganizationId, Name = "Support", CreatedAt = now };
        db.Teams.Add(support);
        foreach (var handle in new[] { "admin", "member" })
        {
            db.TeamMembers.Add(new TeamMember { TeamId = support.Id, MemberId = ids[handle], OrganizationId = tenant.OrganizationId });
        }
        return new DemoPeople(ids);
    }
}
