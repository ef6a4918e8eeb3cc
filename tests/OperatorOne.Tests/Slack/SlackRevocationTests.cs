using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;

namespace OperatorOne.Tests.Slack;

/// <summary>When Slack says the app was removed or its bot token revoked, the workspace stops being served, and that is audited.</summary>
[Collection(SlackCollection.Name)]
public sealed class SlackRevocationTests(SlackFixture fixture)
{
    public static TheoryData<string, JsonObject> Revocations => new()
    {
        { "app_uninstalled", new JsonObject { ["type"] = "app_uninstalled" } },
        { "tokens_revoked", new JsonObject { ["type"] = "tokens_revoked", ["tokens"] = new JsonObject { ["bot"] = new JsonArray("UBOT") } } },
    };

    [Theory]
    [MemberData(nameof(Revocations))]
    public async Task ARevocationEventMakesTheWorkspaceUnusableAndIsAudited(string reason, JsonObject revocation)
    {
        using var workspace = await SlackWorkspace.CreateAsync(fixture);

        var response = await workspace.PostEventAsync(workspace.Envelope(revocation));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var (installation, audit) = await fixture.Host.InOrganizationAsync(workspace.Organization.Id, async db => (
            await db.ChannelInstallations.SingleAsync(i => i.Channel == "slack" && i.ExternalId == workspace.TeamId),
            await db.AuditEvents.SingleAsync(a => a.Kind == "channel_revoked")));
        Assert.NotNull(installation.RevokedAt);
        Assert.Null(installation.SecretCipher);
        Assert.Contains(reason, audit.Detail);
        Assert.Contains(workspace.TeamId, audit.Detail);

        var afterwards = await workspace.PostEventAsync(workspace.DmEnvelope("member", "help"));

        Assert.Equal(HttpStatusCode.Forbidden, afterwards.StatusCode);
        Assert.Equal(0, await fixture.Host.InOrganizationAsync(workspace.Organization.Id, db => db.ProcessedDeliveries.CountAsync()));
    }

    [Fact]
    public async Task RevokingOnlyUserTokensLeavesTheWorkspaceInstalled()
    {
        using var workspace = await SlackWorkspace.CreateAsync(fixture);
        var revocation = new JsonObject { ["type"] = "tokens_revoked", ["tokens"] = new JsonObject { ["oauth"] = new JsonArray("UALICE") } };

        var response = await workspace.PostEventAsync(workspace.Envelope(revocation));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var installation = await fixture.Host.InOrganizationAsync(workspace.Organization.Id,
            db => db.ChannelInstallations.SingleAsync(i => i.Channel == "slack" && i.ExternalId == workspace.TeamId));
        Assert.Null(installation.RevokedAt);
    }

    [Fact]
    public async Task ARepeatedUninstallIsAuditedOnce()
    {
        using var workspace = await SlackWorkspace.CreateAsync(fixture);

        await workspace.PostEventAsync(workspace.Envelope(new JsonObject { ["type"] = "app_uninstalled" }));
        await workspace.PostEventAsync(workspace.Envelope(new JsonObject { ["type"] = "app_uninstalled" }));

        Assert.Equal(1, await fixture.Host.InOrganizationAsync(workspace.Organization.Id, db => db.AuditEvents.CountAsync(a => a.Kind == "channel_revoked")));
    }
}
