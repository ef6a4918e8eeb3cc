using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OperatorOne.Channels.Voice.Speech;

namespace OperatorOne.Channels.Voice.Media;

/// <summary>
/// Real-time calls: the Media Streams WebSocket (phone calls in stream mode, and the browser call page at /call)
/// and the speech engines it uses: offline pocketsphinx + espeak-ng, or Azure AI Speech when configured.
/// </summary>
internal static class VoiceMedia
{
    public static IHostApplicationBuilder AddVoiceMedia(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<VoiceMediaOptions>().Bind(builder.Configuration.GetSection(VoiceMediaOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<VoiceMediaOptions>, VoiceMediaOptionsValidator>();
        services.AddOptions<SpeechOptions>().Bind(builder.Configuration.GetSection(SpeechOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SpeechOptions>, SpeechOptionsValidator>();
        services.AddScoped<StreamTurns>();
        if (builder.Configuration.GetSection(SpeechOptions.Section).Get<SpeechOptions>() is { Azure.IsEnabled: true })
        {
            services.AddHttpClient(AzureSpeechRecognizer.HttpClientName);
            services.AddSingleton<ISpeechRecognizer>(sp => new AzureSpeechRecognizer(
                sp.GetRequiredService<IHttpClientFactory>().CreateClient(AzureSpeechRecognizer.HttpClientName), sp.GetRequiredService<IOptions<SpeechOptions>>()));
            services.AddSingleton<ISpeechSynthesizer>(sp => new AzureSpeechSynthesizer(
                sp.GetRequiredService<IHttpClientFactory>().CreateClient(AzureSpeechRecognizer.HttpClientName), sp.GetRequiredService<IOptions<SpeechOptions>>()));
        }
        else
        {
            services.AddSingleton<ISpeechRecognizer, PocketsphinxRecognizer>();
            services.AddSingleton<ISpeechSynthesizer, EspeakSynthesizer>();
        }
        return builder;
    }

    public static IEndpointRouteBuilder MapVoiceMedia(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(MediaStreamEndpoint.Path, MediaStreamEndpoint.ConnectAsync).WithTags("Voice").ExcludeFromDescription();
        endpoints.MapGet("/call", () => Embedded("html", "text/html; charset=utf-8")).ExcludeFromDescription();
        endpoints.MapGet("/call/page.js", () => Embedded("js", "text/javascript; charset=utf-8")).ExcludeFromDescription();
        return endpoints;
    }

    /// <summary>The browser call page and its script (no inline script, for the CSP), embedded like the web chat page so any host serves them.</summary>
    private static Results<FileStreamHttpResult, NotFound> Embedded(string extension, string contentType) =>
        typeof(VoiceMedia).Assembly.GetManifestResourceStream($"OperatorOne.Channels.Voice.Media.CallPage.{extension}") is { } stream
            ? TypedResults.Stream(stream, contentType)
            : TypedResults.NotFound();
}
