using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OperatorOne.Bot.Core.Channels;
using OperatorOne.Bot.Core.Turns;
using OperatorOne.Bot.Core.Security;
using OperatorOne.Bot.Core.Tenancy;

namespace OperatorOne.Channels.Slack;

/// <summary>
/// The Slack channel: Events API, interactivity and the /op1 command, all signature-verified; replies and card
/// updates through the Web API; OAuth install for more workspaces. Off (404) until Slack:SigningSecret is set.
/// </summary>
public static class SlackChannel
{
    public static IHostApplicationBuilder AddSlackChannel(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<SlackOptions>().Bind(builder.Configuration.GetSection(SlackOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SlackOptions>, SlackOptionsValidator>();
        services.AddHttpClient(SlackApi.ClientName, http => http.Timeout = TimeSpan.FromSeconds(15));
        services.AddSingleton<SlackApi>();
        // Redirects are not followed: the bot token must never ride a redirect off Slack's file host.
        services.AddHttpClient<SlackFiles>(http => http.Timeout = TimeSpan.FromSeconds(30))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        services.AddSingleton<SlackWorkspaces>();
        services.AddSingleton<SlackIdentityLinks>();
        services.AddSingleton<SlackSingleWorkspace>();
        services.AddSingleton<SlackInstallState>();
        services.AddSingleton<SlackSignatureWatch>();
        services.AddSingleton<Bot.Core.Channels.IChannelCheck, SlackChannelCheck>();
        services.AddSingleton(new InboundRejection("/api/slack", SlackEndpoints.RejectAsync));
        services.AddSingleton<IInstallationProof, SlackWorkspaceProof>();
        if (builder.Configuration.GetSection(SlackOptions.Section).Get<SlackOptions>() is not { IsEnabled: true })
        {
            // Unconfigured: no start-up call, no sender, nothing that runs in the background or polls.
            return builder;
        }
        services.AddScoped<ITurnPreparation, SlackPreparation>();
        services.AddHostedService<SlackStartupCheck>();
        services.AddSingleton<IChannelSender, SlackSender>();
        services.AddTransient<IProactiveConversations, SlackProactiveConversations>();
        return builder;
    }

    public static IEndpointRouteBuilder MapSlackChannel(this IEndpointRouteBuilder endpoints)
    {
        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<SlackOptions>>().Value;
        if (!options.IsEnabled)
        {
            // Not mapped at all: an unconfigured channel answers 404 and never runs unsigned.
            return endpoints;
        }
        var slack = endpoints.MapGroup("/api/slack").WithTags("Slack");
        var signed = slack.MapGroup("").AddEndpointFilter<SlackRequestVerification>().DisableAntiforgery();
        signed.MapPost("/events", SlackEndpoints.EventsAsync);
        signed.MapPost("/interactions", SlackEndpoints.InteractionsAsync);
        signed.MapPost("/commands", SlackEndpoints.CommandsAsync);
        if (options.CanInstall)
        {
            slack.MapGet("/install", SlackInstallEndpoints.InstallAsync);
            slack.MapGet("/oauth/callback", SlackInstallEndpoints.CallbackAsync);
        }
        return endpoints;
    }
}
