using Microsoft.AspNetCore.Routing;

namespace OperatorOne.AdminApi.Integrations;

/// <summary>Connecting the business's own systems: custom tools and webhooks, admins only.</summary>
internal static class IntegrationEndpoints
{
    public static void MapIntegrations(this RouteGroupBuilder organization)
    {
        organization.MapCustomTools();
        organization.MapWebhooks();
    }
}
