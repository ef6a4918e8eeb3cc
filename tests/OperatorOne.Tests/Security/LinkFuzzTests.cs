using System.Text;
using Microsoft.Extensions.DependencyInjection;
using OperatorOne.Bot.Core.Invitations;
using OperatorOne.Data.Calendar;
using OperatorOne.Data.Members;
using OperatorOne.Skills.Calendar;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.Security;

/// <summary>
/// The endpoints whose credential is the link itself: an invitation's /join page and its claim, the calendar
/// subscription feed and the .ics export. Each case mutates a link that works (and, for the claim, its form body):
/// no 5xx, and a refusal claims nothing and writes nothing.
/// </summary>
[Collection(SecuredCollection.Name)]
public sealed class LinkFuzzTests(SecuredBot bot, ITestOutputHelper output)
{
    private readonly FuzzTarget _target = new(bot);

    [Fact]
    public async Task MutatedInvitationLinksAndClaimsNeverAnswer5xxAndRefusalsClaimNothing()
    {
        var organization = await TestOrganization.CreateAsync(bot.Host);
        var kinds = new[] { "show", "claim", "claim with a form" };

        await FuzzRun.SampleAsync(output, _target, kinds.Length, 30, async (i, edits) =>
        {
            // A fresh invitation per case: a claim that succeeds uses its link up.
            var token = await JoinTokenAsync(bot.Host, organization);
            var path = $"/join/{(i == 2 ? token : FuzzTarget.Escape(Mutation.Apply(Encoding.UTF8.GetBytes(token), edits, form: true)))}";
            await _target.CheckAsync(organization.Id, "join", () => i switch
            {
                0 => _target.GetAsync(path),
                1 => _target.PostAsync(path, [], "application/x-www-form-urlencoded", _ => { }),
                _ => _target.PostAsync(path, Mutation.Apply("join=1&remember=on"u8.ToArray(), edits, form: true), "application/x-www-form-urlencoded", _ => { }),
            });
        });
    }

    [Fact]
    public async Task MutatedCalendarFeedAndExportLinksNeverAnswer5xx()
    {
        var organization = await TestOrganization.CreateAsync(bot.Host);
        var member = organization.Members["member"];
        var feed = new CalendarFeed { Id = Guid.NewGuid(), OrganizationId = organization.Id, MemberId = member, CreatedAt = DateTimeOffset.UtcNow };
        await bot.Host.InOrganizationAsync(organization.Id, db =>
        {
            db.CalendarFeeds.Add(feed);
            return db.SaveChangesAsync();
        });
        var services = bot.Host.Services;
        var valid = new (string Route, string Token)[]
        {
            (FeedEndpoint.Route, services.GetRequiredService<FeedLinks>().Sign(new FeedGrant(organization.Id, feed.Id))),
            (IcsEndpoint.Route, services.GetRequiredService<IcsLinks>().Sign(new IcsGrant(organization.Id, member, 0, DateTimeOffset.UtcNow.AddDays(1)))),
        };

        // Half the cases damage the link, half keep it and damage the query string a calendar client may add.
        await FuzzRun.SampleAsync(output, _target, 2 * valid.Length, 30, async (i, edits) =>
        {
            var (route, token) = valid[i / 2];
            var url = i % 2 == 0
                ? $"{route}/{FuzzTarget.Escape(Mutation.Apply(Encoding.UTF8.GetBytes(token), edits, form: true))}"
                : $"{route}/{token}?{FuzzTarget.Escape(Mutation.Apply("tz=Europe%2FBerlin&v=2"u8.ToArray(), edits, form: true), keep: "&=%+")}";
            await _target.CheckAsync(organization.Id, "calendar link", () => _target.GetAsync(url));
        });
    }

    /// <summary>The token of a fresh invitation to join as a member, as the invite tool or the admin API makes it.</summary>
    internal static Task<string> JoinTokenAsync(BotHost host, TestOrganization organization) =>
        host.InOrganizationAsync(organization.Id, async db =>
        {
            var outcome = await MemberInvitations.InviteAsync(db, organization.Id,
                new InvitationRequest($"fuzz-{Guid.NewGuid():N}@example.com", MemberRole.Member, "Fuzz", null, organization.Members["owner"]),
                DateTimeOffset.UtcNow, TimeSpan.FromDays(1), CancellationToken.None);
            await db.SaveChangesAsync();
            return host.Services.GetRequiredService<InvitationLinks>().Token(outcome.Invitation!);
        });
}
