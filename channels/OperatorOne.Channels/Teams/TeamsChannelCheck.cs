using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;
using OperatorOne.Bot.Core.Channels;
using OperatorOne.Bot.Core.Invitations;
using OperatorOne.Data.Channels;

namespace OperatorOne.Channels.Teams;

/// <summary>
/// Teams, hop by hop: the app registration in settings, a Bot Connector token with its app password, the connector's
/// signing keys for inbound requests, and a tenant connected to this organization.
/// </summary>
internal sealed class TeamsChannelCheck(TeamsChannelMode channel, IOptions<TeamsOptions> options, IOptions<OnboardingOptions> onboarding,
    IServiceProvider services) : IChannelCheck
{
    public string Channel => ChannelNames.Teams;

    public async Task<ChannelReport> CheckAsync(ChannelCheckContext context, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var setup = new Dictionary<string, string>
        {
            ["messagingEndpoint"] = onboarding.Value.Absolute("/api/messages", context.RequestBase),
        };
        var hops = new List<ChannelHop>();
        switch (channel.Mode)
        {
            case TeamsMode.Off:
                hops.Add(new("Teams settings", false, "Teams__AppId and Teams__AppPassword are not set.",
                    "Register an Azure Bot (Microsoft App ID and a client secret), set Teams__AppId and Teams__AppPassword, and restart."));
                return ChannelReport.From(Channel, "Microsoft Teams", hops, setup);
            case TeamsMode.LocalTest:
                hops.Add(new("Teams settings", true,
                    "Local-test mode (Development without an app id): unsigned activities from loopback clients such as the Microsoft 365 Agents Playground."));
                break;
            default:
                hops.Add(new("Teams settings", true, $"App id {settings.AppId}."));
                hops.Add(await TokenHopAsync(cancellationToken));
                hops.Add(await KeysHopAsync(cancellationToken));
                setup["appId"] = settings.AppId!;
                setup["appPackage"] = onboarding.Value.Absolute($"/admin/v1/organizations/{context.OrganizationId}/channels/msteams/package", context.RequestBase);
                break;
        }
        var tenants = await context.Db.ChannelInstallations.Where(i => i.Channel == ChannelNames.Teams && i.RevokedAt == null)
            .Select(i => i.ExternalId).ToListAsync(cancellationToken);
        hops.Add(tenants.Count > 0
            ? new("Teams tenant", true, $"Tenant {string.Join(", ", tenants)} is connected to this organization.")
            : new("Teams tenant", false, "No Teams tenant is connected to this organization.",
                "Upload the app package in Teams (Apps → Manage your apps → Upload), then POST /installations with channel msteams and your tenant id."));
        return ChannelReport.From(Channel, "Microsoft Teams", hops, setup);
    }

    public ChannelFile? SetupFile(string name, ChannelCheckContext context)
    {
        if (name != "package")
        {
            return null;
        }
        var (zip, problem) = services.GetRequiredService<TeamsAppPackage>().Build((onboarding.Value.PublicBaseUrl ?? context.RequestBase)?.Host);
        return new ChannelFile("operatorone-teams.zip", "application/zip", zip, problem);
    }

    private async Task<ChannelHop> TokenHopAsync(CancellationToken cancellationToken)
    {
        const string Name = "Bot Connector token";
        try
        {
            await services.GetRequiredService<TeamsConnectorToken>().ProbeAsync(cancellationToken);
            return new(Name, true, $"Issued by {options.Value.Authority}.");
        }
        catch (MsalServiceException ex) when (ex.ErrorCode is "invalid_client" || ex.Message.Contains("AADSTS7000215", StringComparison.Ordinal))
        {
            return new(Name, false, "the app password was refused.",
                "Create a new client secret for the app registration in Azure and set it as Teams__AppPassword.");
        }
        catch (MsalServiceException ex) when (ex.ErrorCode is "unauthorized_client" || ex.Message.Contains("AADSTS700016", StringComparison.Ordinal))
        {
            return new(Name, false, $"the app id {options.Value.AppId} is unknown to {options.Value.Authority}.",
                "Check Teams__AppId, and Teams__TenantId for a single-tenant bot (empty for a multi-tenant one).");
        }
        catch (MsalException ex)
        {
            return new(Name, false, $"{options.Value.Authority} refused or could not be reached ({ex.ErrorCode}).",
                "Check the machine can reach login.microsoftonline.com over HTTPS, and Teams__TenantId.");
        }
        catch (HttpRequestException ex)
        {
            return new(Name, false, $"{options.Value.Authority} could not be reached ({ex.Message}).",
                "Check the machine can reach login.microsoftonline.com over HTTPS.");
        }
    }

    private async Task<ChannelHop> KeysHopAsync(CancellationToken cancellationToken)
    {
        const string Name = "Bot Connector signing keys";
        return await services.GetRequiredService<TeamsAuthenticator>().KeysProblemAsync(cancellationToken) is { } problem
            ? new(Name, false, problem, "Check the machine can reach login.botframework.com over HTTPS (and Teams__OpenIdMetadataUrl).")
            : new(Name, true, "Inbound requests can be verified.");
    }
}
