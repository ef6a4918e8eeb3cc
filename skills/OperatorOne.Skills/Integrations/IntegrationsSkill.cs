using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Bot.Core.Webhooks;

namespace OperatorOne.Skills.Integrations;

/// <summary>
/// Connecting the business's own systems: custom HTTP tools per organization (served to the registry as an
/// <see cref="IToolSource"/>), signed event webhooks delivered by the outbox, the guarded outbound client they share, and
/// the admin chat tools that manage them.
/// </summary>
public static class IntegrationsSkill
{
    internal static IReadOnlyList<ToolDefinition> Tools { get; } =
    [
        ListIntegrations.Definition,
        AddCustomTool.Definition,
        DescribeCustomTool.Definition,
        SetCustomToolAccess.Definition,
        RemoveCustomTool.Definition,
        SubscribeWebhook.Definition,
        RemoveWebhook.Definition,
        ResumeWebhook.Definition,
        WebhookDeliveries.Definition,
        ReplayWebhookDelivery.Definition,
    ];

    public static IHostApplicationBuilder AddIntegrations(this IHostApplicationBuilder builder)
    {
        foreach (var tool in Tools)
        {
            builder.Services.AddSingleton(tool);
        }
        builder.Services.AddOptions<IntegrationsOptions>().Bind(builder.Configuration.GetSection(IntegrationsOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<OutboundGuard>();
        builder.Services.AddSingleton<OutboundHttp>();
        OutboundHttp.Register(builder.Services);
        builder.Services.AddSingleton<CustomToolCalls>();
        builder.Services.AddSingleton<IToolSource, CustomToolSource>();
        builder.Services.AddScoped<IWebhookSender, WebhookSender>();
        return builder;
    }
}
