using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OperatorOne.Bot.Core.Security;
using OperatorOne.Data;
using OperatorOne.Data.Channels;
using OperatorOne.Data.Members;
using OperatorOne.Data.Organizations;
using OperatorOne.Data.Tenancy;

namespace OperatorOne.Benchmarks.Turns;

/// <summary>One member as each channel knows them: a web chat user, a Teams (Entra) user, a Slack user and a caller.</summary>
internal sealed record BenchmarkMember(
    Guid OrganizationId, string Handle, string SiteId, string SiteSecret, string TenantId, string AadObjectId,
    string SlackTeamId, string SlackUserId, string VoiceNumber, string Phone)
{
    public string WebChatUserId => $"{SiteId}-{Handle}";
}

/// <summary>
/// The companies a run talks to, written as the tests write theirs (organization, members, one installation and one
/// linked identity per channel), by the schema owner before the bot takes traffic.
/// </summary>
internal static class BenchmarkCompanies
{
    public static async Task<IReadOnlyList<BenchmarkMember>> CreateAsync(string ownerConnection, TurnPlan plan, CancellationToken cancellationToken)
    {
        var members = new List<BenchmarkMember>();
        // Phone numbers are unique across runs on the same data folder: each organization gets the next line serial.
        int lines;
        await using (var db = Context(ownerConnection))
        {
            lines = await db.ChannelInstallations.CountAsync(i => i.Channel == "voice", cancellationToken);
        }
        for (var o = 0; o < plan.Organizations; o++)
        {
            members.AddRange(await CreateOrganizationAsync(ownerConnection, lines + o, plan.MembersPerOrganization, cancellationToken));
        }
        return members;
    }

    /// <summary>One more company of <paramref name="size"/> members, on the next free phone line.</summary>
    public static async Task<IReadOnlyList<BenchmarkMember>> CreateOneAsync(string ownerConnection, int size, CancellationToken cancellationToken)
    {
        int lines;
        await using (var db = Context(ownerConnection))
        {
            lines = await db.ChannelInstallations.CountAsync(i => i.Channel == "voice", cancellationToken);
        }
        return await CreateOrganizationAsync(ownerConnection, lines, size, cancellationToken);
    }

    private static async Task<IReadOnlyList<BenchmarkMember>> CreateOrganizationAsync(
        string ownerConnection, int index, int size, CancellationToken cancellationToken)
    {
        await using var db = Context(ownerConnection);
        var now = DateTimeOffset.UtcNow;
        var id = Guid.NewGuid();
        var siteId = $"site-{id:N}"[..17];
        var secret = $"{siteId}.{Guid.NewGuid():N}";
        var tenantId = Guid.NewGuid().ToString();
        var teamId = $"T{id:N}"[..12].ToUpperInvariant();
        var number = Phone(index, 0);
        db.Organizations.Add(new Organization
        {
            Id = id, Name = $"Benchmark {index + 1} {now:HHmmss}", BusinessContext = "A benchmark company.", CreatedAt = now,
        });
        foreach (var (channel, externalId) in new[] { ("webchat", siteId), ("msteams", tenantId), ("slack", teamId), ("voice", number) })
        {
            db.ChannelInstallations.Add(new ChannelInstallation
            {
                Id = Guid.NewGuid(), OrganizationId = id, Channel = channel, ExternalId = externalId, CreatedAt = now, VerifiedAt = now,
                SecretHash = channel == "webchat" ? SecretBox.Hash(secret) : null,
            });
        }
        var members = new List<BenchmarkMember>();
        for (var m = 0; m < size; m++)
        {
            var handle = m == 0 ? "owner" : $"member{m}";
            var member = new BenchmarkMember(id, handle, siteId, secret, tenantId, Guid.NewGuid().ToString(),
                teamId, $"U{m:D4}{teamId[1..]}", number, Phone(index, m + 1));
            var memberId = Guid.NewGuid();
            db.Members.Add(new Member
            {
                Id = memberId, OrganizationId = id, DisplayName = $"Member {m} of {index + 1}", Handle = handle,
                Role = m == 0 ? MemberRole.Owner : MemberRole.Member, CreatedAt = now,
            });
            foreach (var (channel, externalId) in new[]
            {
                ("webchat", member.WebChatUserId), ("msteams", member.AadObjectId), ("slack", member.SlackUserId), ("voice", member.Phone),
            })
            {
                db.ChannelIdentities.Add(new ChannelIdentity
                {
                    Id = Guid.NewGuid(), OrganizationId = id, MemberId = memberId, Channel = channel, ExternalId = externalId, CreatedAt = now,
                });
            }
            members.Add(member);
        }
        await db.SaveChangesAsync(cancellationToken);
        return members;
    }

    private static OperatorOneDb Context(string ownerConnection) =>
        new(new DbContextOptionsBuilder<OperatorOneDb>().UseNpgsql(ownerConnection)
            .AddInterceptors(OrganizationConnectionInterceptor.Instance).Options, new OrganizationScope());

    // +1555 numbers: the organization's line is member 0, its members' phones follow.
    private static string Phone(int organization, int member) =>
        "+1555" + (organization % 1000 * 10_000 + member).ToString("D7", CultureInfo.InvariantCulture);
}
