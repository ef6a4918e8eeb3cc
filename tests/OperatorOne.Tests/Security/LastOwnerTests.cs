using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OperatorOne.Data.Members;
using OperatorOne.Tests.AdminApi;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.Security;

/// <summary>
/// The organization always keeps one active owner: the admin API, the chat tools and the database itself refuse to
/// demote, deactivate or remove the last one, and say why.
/// </summary>
[Collection(BotCollection.Name)]
public sealed class LastOwnerTests(BotHost host)
{
    private Task<Guid> AddOwnerAsync(TestOrganization organization, string handle) =>
        host.InOrganizationAsync(organization.Id, async db =>
        {
            var member = new Member
            {
                Id = Guid.NewGuid(), OrganizationId = organization.Id, DisplayName = "Oscar Owner", Handle = handle, Role = MemberRole.Owner,
                CreatedAt = DateTimeOffset.UtcNow,
            };
            db.Members.Add(member);
            db.ChannelIdentities.Add(new ChannelIdentity
            {
                Id = Guid.NewGuid(), OrganizationId = organization.Id, MemberId = member.Id, Channel = "webchat",
                ExternalId = organization.WebChatUserId(handle), CreatedAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
            return member.Id;
        });

    private Task<int> ActiveOwnersAsync(TestOrganization organization) =>
        host.InOrganizationAsync(organization.Id, db => db.Members.CountAsync(m => m.Role == MemberRole.Owner && m.IsActive));

    [Fact]
    public async Task TheLastOwnerCannotDemoteThemselves()
    {
        var organization = await TestOrganization.CreateAsync(host);
        using var owner = await AdminKeys.ClientAsync(host, organization, "owner");

        var response = await owner.PutAsJsonAsync($"{AdminKeys.Base(organization)}/members/{organization.Members["owner"]}/role", new { role = "admin" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("last active owner", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, await ActiveOwnersAsync(organization));
    }

    [Fact]
    public async Task TheLastOwnerCannotBeDeactivated()
    {
        var organization = await TestOrganization.CreateAsync(host);
        using var admin = await AdminKeys.ClientAsync(host, organization, "admin");

        var response = await admin.PostAsync($"{AdminKeys.Base(organization)}/members/{organization.Members["owner"]}/deactivate", null);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(1, await ActiveOwnersAsync(organization));
    }

    [Fact]
    public async Task AnOwnerMayStepDownWhileAnotherOwnerRemains()
    {
        var organization = await TestOrganization.CreateAsync(host);
        await AddOwnerAsync(organization, "owner2");
        using var owner = await AdminKeys.ClientAsync(host, organization, "owner");

        var response = await owner.PutAsJsonAsync($"{AdminKeys.Base(organization)}/members/{organization.Members["owner"]}/role", new { role = "admin" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, await ActiveOwnersAsync(organization));
    }

    [Fact]
    public async Task TwentyConcurrentDeactivationsOfTwoOwnersLeaveOneOwnerAndNoServerError()
    {
        var organization = await TestOrganization.CreateAsync(host);
        var second = await AddOwnerAsync(organization, "owner2");
        using var admin = await AdminKeys.ClientAsync(host, organization, "admin");
        var owners = new[] { organization.Members["owner"], second };

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            admin.PostAsync($"{AdminKeys.Base(organization)}/members/{owners[i % 2]}/deactivate", null)));

        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict, $"{r.StatusCode}"));
        Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.Conflict);
        Assert.Equal(1, await ActiveOwnersAsync(organization));
    }

    [Fact]
    public async Task TwoApprovedDemotionsOfTwoOwnersInChatLeaveOneOwner()
    {
        var organization = await TestOrganization.CreateAsync(host);
        await AddOwnerAsync(organization, "owner2");
        using var olivia = await Chat.StartAsync(host, organization, "owner");
        using var oscar = await Chat.StartAsync(host, organization, "owner2");
        using var admin = await Chat.StartAsync(host, organization, "admin");

        await olivia.Send("make owner2 an admin");
        await olivia.ExpectReply("needs approval");
        await oscar.Send("make olivia an admin");
        await oscar.ExpectReply("needs approval");
        await admin.Submit(ApprovalCard.Data(await admin.ExpectCard("Approve"), "approve"));
        await admin.Submit(ApprovalCard.Data(await admin.ExpectCard("Approve"), "approve"));

        // Whichever runs second finds its requester no longer an owner, or its target the last one: refused either way.
        await oscar.ExpectReply("failed");
        Assert.Equal(1, await ActiveOwnersAsync(organization));
    }

    [Fact]
    public async Task TheDatabaseItselfRefusesToLeaveNoOwner()
    {
        var organization = await TestOrganization.CreateAsync(host);

        var refused = await Assert.ThrowsAsync<DbUpdateException>(() => host.InOrganizationAsync(organization.Id, async db =>
        {
            var owner = await db.Members.SingleAsync(m => m.Id == organization.Members["owner"]);
            owner.IsActive = false;
            return await db.SaveChangesAsync();
        }));

        Assert.True(Owners.IsLastOwnerViolation(refused));
        Assert.Equal(1, await ActiveOwnersAsync(organization));
    }
}
