using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OperatorOne.Bot.Core.Channels;
using OperatorOne.Bot.Core.Turns;
using OperatorOne.Bot.Core.Security;
using OperatorOne.Bot.Core.Tenancy;

namespace OperatorOne.Channels.Teams;

public static class TeamsChannelHosting
{
    internal const string MetadataClient = "Teams.OpenIdMetadata";
    internal const string TokenClient = "Teams.Token";

    /// <summary>
    /// The Teams channel when the "Teams" section names an app id; in Development without one, the loopback-only
    /// local-test mode; otherwise nothing (its endpoint answers 404). A half-configured section fails start.
    /// </summary>
    public static IHostApplicationBuilder AddTeamsChannel(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(TeamsOptions.Section);
        var options = section.Get<TeamsOptions>() ?? new TeamsOptions();
        var mode = TeamsModes.Resolve(options, builder.Environment.IsDevelopment());
        var services = builder.Services;
        services.AddOptions<TeamsOptions>()
            .Bind(section)
            .ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<TeamsOptions>, TeamsOptionsValidation>();
        services.AddSingleton(new TeamsChannelMode(mode));
        services.AddSingleton(new InboundRejection("/api/messages", TeamsEndpoint.RejectAsync));
        services.AddSingleton<IInstallationProof, TeamsTenantProof>();
        services.AddSingleton<Bot.Core.Channels.IChannelCheck, TeamsChannelCheck>();
        services.AddSingleton<TeamsAppPackage>();
        if (mode == TeamsMode.Off)
        {
            return builder;
        }

        services.AddHttpClient(MetadataClient, c => c.Timeout = TimeSpan.FromSeconds(10));
        services.AddHttpClient(TokenClient, c => c.Timeout = TimeSpan.FromSeconds(10));
        // Under Teams' 15-second budget for the whole turn.
        services.AddHttpClient<TeamsConnector>(c => c.Timeout = TimeSpan.FromSeconds(10));
        // A slow download is answered through the outbox like a slow tool; past this timeout it is reported as failed.
        services.AddHttpClient<TeamsFiles>(c => c.Timeout = TimeSpan.FromSeconds(30));
        services.AddSingleton<TeamsAuthenticator>();
        services.AddSingleton<TeamsIdentityLinks>();
        services.AddSingleton<TeamsConnectorToken>();
        services.AddScoped<TeamsBot>();
        services.AddScoped<TeamsInvokes>();
        services.AddTransient<ITurnPreparation>(services => services.GetRequiredService<TeamsFiles>());
        services.AddScoped<TeamsTenantConfirmation>();
        services.AddTransient<IChannelSender, TeamsSender>();
        services.AddTransient<IProactiveConversations, TeamsProactiveConversations>();
        return builder;
    }

    public static IEndpointRouteBuilder MapTeamsChannel(this IEndpointRouteBuilder app)
    {
        var mode = app.ServiceProvider.GetRequiredService<TeamsChannelMode>().Mode;
        if (mode != TeamsMode.Off)
        {
            app.MapPost("/api/messages", TeamsEndpoint.ReceiveAsync)
                .DisableAntiforgery()
                .WithName("TeamsMessages");
        }
        return app;
    }
}
