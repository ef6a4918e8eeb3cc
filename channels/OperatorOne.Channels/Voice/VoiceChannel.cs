using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OperatorOne.Bot.Core.Channels;
using OperatorOne.Bot.Core.Turns;
using OperatorOne.Bot.Core.Tenancy;
using OperatorOne.Channels.Voice.Media;

namespace OperatorOne.Channels.Voice;

/// <summary>
/// The phone channel through Twilio: signed webhooks answered with TwiML (speech and keypad). Off (404) until
/// Twilio:AuthToken is set.
/// </summary>
public static class VoiceChannel
{
    public static IHostApplicationBuilder AddVoiceChannel(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<TwilioOptions>().Bind(builder.Configuration.GetSection(TwilioOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TwilioOptions>, TwilioOptionsValidator>();
        services.AddScoped<VoiceTurns>();
        services.AddSingleton<VoiceHolds>();
        services.AddScoped<VoiceFlowTurns>();
        services.AddScoped<VoiceFlowSteps>();
        services.AddScoped<IntakeFlow>();
        services.AddScoped<SecureFlow>();
        services.AddScoped<VoiceFlows>();
        services.AddScoped<ITurnStep, VoiceFlowStep>();
        services.AddSingleton<IChannelSender, VoiceSender>();
        services.AddHttpClient<TwilioNumberProof>(http => http.Timeout = TimeSpan.FromSeconds(10));
        services.AddTransient<IInstallationProof>(provider => provider.GetRequiredService<TwilioNumberProof>());
        services.AddSingleton<TwilioWebhookWatch>();
        services.AddSingleton<IChannelCheck, VoiceChannelCheck>();
        builder.AddVoiceMedia();
        return builder;
    }

    public static IEndpointRouteBuilder MapVoiceChannel(this IEndpointRouteBuilder endpoints)
    {
        // The stream also serves the browser call page (token-signed), so it is mapped without Twilio too.
        endpoints.MapVoiceMedia();
        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<TwilioOptions>>().Value;
        if (!options.IsEnabled)
        {
            // Not mapped at all: an unconfigured channel answers 404 and never runs unsigned.
            return endpoints;
        }
        var twilio = endpoints.MapGroup("/api/voice/twilio").WithTags("Voice")
            .AddEndpointFilter<VoiceRequestVerification>().DisableAntiforgery();
        twilio.MapPost("/incoming", VoiceEndpoints.IncomingAsync);
        twilio.MapPost("/gather", VoiceEndpoints.GatherAsync);
        twilio.MapPost("/wait", VoiceEndpoints.WaitAsync);
        twilio.MapPost("/status", VoiceEndpoints.Status);
        return endpoints;
    }
}
