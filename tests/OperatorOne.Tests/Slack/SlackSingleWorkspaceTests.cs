using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OperatorOne.Channels.Slack;
using OperatorOne.Data.Channels;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.Slack;

/// <summary>
/// Slack:BotToken + Slack:TeamId: the workspace is connected at start to Slack:OrganizationId, or to the only
/// organization there is, so a single-workspace setup needs no OAuth install. Run against the shared host's store.
/// </summary>
[Collection(SlackCollection.Name)]
public sealed class SlackSingleWorkspaceTests(SlackFixture fixture)
{
    private SlackSingleWorkspace SingleWorkspace(string teamId, Guid? organizationId) => new(
        fixture.Host.Services.GetRequiredService<IServiceScopeFactory>(),
        Options.Create(new SlackOptions
        {
            SigningSecret = SlackFixture.SigningSecret, BotToken = SlackFixture.BotToken, TeamId = teamId, OrganizationId = organizationId,
        }),
        TimeProvider.System, NullLogger<SlackSingleWorkspace>.Instance);

    private Task<List<ChannelInstallation>> InstallationsAsync(Guid organizationId, string teamId) =>
        fixture.Host.InOrganizationAsync(organizationId, db => db.ChannelInstallations.AsNoTracking().Where(i => i.Channel == "slack" && i.ExternalId == teamId).ToListAsync());

    private static string NewTeamId() => $"T{Guid.NewGuid():N}"[..12].ToUpperInvariant();

    [Fact]
    public async Task TheConfiguredWorkspaceIsConnectedToTheConfiguredOrganizationOnce()
    {
        var organization = await TestOrganization.CreateAsync(fixture.Host);
        var teamId = NewTeamId();
        var single = SingleWorkspace(teamId, organization.Id);

        await single.EnsureInstalledAsync(teamId, CancellationToken.None);
        await single.EnsureInstalledAsync(teamId, CancellationToken.None);

        var installation = Assert.Single(await InstallationsAsync(organization.Id, teamId));
        Assert.Null(installation.SecretCipher);
        Assert.Null(installation.RevokedAt);
        Assert.NotNull(installation.VerifiedAt);
        Assert.Equal(InstallationProofs.SlackAuthTest, installation.Proof);
    }

    [Fact]
    public async Task TheConfiguredWorkspaceIsAnsweredWithTheConfiguredToken()
    {
        var organization = await TestOrganization.CreateAsync(fixture.Host);
        using var workspace = new SlackWorkspace(fixture, organization, NewTeamId());
        await SingleWorkspace(workspace.TeamId, organization.Id).EnsureInstalledAsync(workspace.TeamId, CancellationToken.None);

        (await workspace.PostEventAsync(workspace.DmEnvelope("member", "help"))).EnsureSuccessStatusCode();

        var reply = (await fixture.Slack.WaitForAsync(c => c.Method == "chat.postMessage" && c.Arguments["channel"]?.ToString() == workspace.DmChannel("member"))).First();
        Assert.Equal(SlackFixture.BotToken, reply.Token);
    }

    [Fact]
    public async Task WithoutAnOrganizationSettingAndSeveralOrganizationsNothingIsGuessed()
    {
        var organization = await TestOrganization.CreateAsync(fixture.Host);
        var teamId = NewTeamId();

        await SingleWorkspace(teamId, organizationId: null).EnsureInstalledAsync(teamId, CancellationToken.None);

        Assert.Empty(await InstallationsAsync(organization.Id, teamId));
    }

    [Fact]
    public async Task AConfiguredTokenWhoseAuthTestAnswersAnotherWorkspaceConnectsNothing()
    {
        var organization = await TestOrganization.CreateAsync(fixture.Host);
        var teamId = NewTeamId();

        await SingleWorkspace(teamId, organization.Id).EnsureInstalledAsync(NewTeamId(), CancellationToken.None);

        Assert.Empty(await InstallationsAsync(organization.Id, teamId));
    }

    [Fact]
    public async Task ARevokedConfiguredWorkspaceIsServedAgainAfterARestart()
    {
        var organization = await TestOrganization.CreateAsync(fixture.Host);
        using var workspace = new SlackWorkspace(fixture, organization, NewTeamId());
        var single = SingleWorkspace(workspace.TeamId, organization.Id);
        await single.EnsureInstalledAsync(workspace.TeamId, CancellationToken.None);
        await workspace.PostEventAsync(workspace.Envelope(new System.Text.Json.Nodes.JsonObject { ["type"] = "app_uninstalled" }));
        Assert.NotNull(Assert.Single(await InstallationsAsync(organization.Id, workspace.TeamId)).RevokedAt);

        await single.EnsureInstalledAsync(workspace.TeamId, CancellationToken.None);

        Assert.Null(Assert.Single(await InstallationsAsync(organization.Id, workspace.TeamId)).RevokedAt);
    }
}
