using System.Net;
using Microsoft.EntityFrameworkCore;

namespace OperatorOne.Tests.Teams;

/// <summary>When Microsoft's OpenID metadata cannot be fetched, a signed request is asked to come back later — never a 500.</summary>
public sealed class TeamsIssuerOutageTests
{
    [Fact]
    public async Task UnreachableMetadataIsA503WithoutInternalsAndTheRetryIsAnsweredOnceItIsBack()
    {
        var host = new TeamsBotHost { MetadataDownAtStart = true };
        await host.InitializeAsync();
        try
        {
            await RefusedThenAnsweredAsync(host);
        }
        finally
        {
            await host.DisposeAsync();
        }
    }

    private static async Task RefusedThenAnsweredAsync(TeamsBotHost host)
    {
        var tenant = await TeamsTenant.CreateAsync(host.Bot);
        using var member = new TeamsUser(host, tenant, "member");
        var activityId = TeamsUser.NewActivityId();
        var activity = member.Payload("message-personal", new Dictionary<string, string> { ["text"] = "help", ["activityId"] = activityId });

        using var refused = await member.Post(activity);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
        var body = await refused.Content.ReadAsStringAsync();
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        Assert.DoesNotContain("IDX", body, StringComparison.Ordinal);
        Assert.Equal(0, await host.Bot.InOrganizationAsync(tenant.Organization.Id, db => db.ProcessedDeliveries.CountAsync()));

        host.Cloud.MetadataDown = false;
        using var retried = await member.Post(activity);

        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        await member.ExpectReply("Here");
    }
}
