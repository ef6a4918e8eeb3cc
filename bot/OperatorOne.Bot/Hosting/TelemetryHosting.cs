using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using OperatorOne.Bot.Core.Telemetry;

namespace OperatorOne.Bot.Hosting;

/// <summary>
/// Logs as JSON with scopes outside Development; traces (turns, tools, outbox, HTTP in and out, Npgsql), metrics and
/// logs to an OTLP collector when one is configured. Without a collector nothing is collected beyond the logs.
/// </summary>
internal static class TelemetryHosting
{
    public const string StandardEndpoint = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string StandardProtocol = "OTEL_EXPORTER_OTLP_PROTOCOL";

    public static IHostApplicationBuilder AddTelemetry(this IHostApplicationBuilder builder)
    {
        if (!builder.Environment.IsDevelopment())
        {
            // One JSON object per line, with the turn's scope (turn, channel, conversation) and trace ids, for log shippers.
            builder.Logging.AddJsonConsole(json =>
            {
                json.IncludeScopes = true;
                json.UseUtcTimestamp = true;
                json.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            });
        }
        var options = builder.Configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        var endpoint = FirstSet(options.OtlpEndpoint, builder.Configuration[StandardEndpoint]);
        if (endpoint is null)
        {
            return builder;
        }
        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var baseUrl) || baseUrl.Scheme is not ("http" or "https"))
        {
            throw new InvalidOperationException($"Telemetry:OtlpEndpoint ({StandardEndpoint}) must be an http(s) URL such as http://collector:4318, not '{endpoint}'.");
        }
        var protocol = FirstSet(options.OtlpProtocol, builder.Configuration[StandardProtocol]) switch
        {
            null or "http/protobuf" => OtlpExportProtocol.HttpProtobuf,
            "grpc" => OtlpExportProtocol.Grpc,
            var other => throw new InvalidOperationException($"Telemetry:OtlpProtocol ({StandardProtocol}) must be 'http/protobuf' or 'grpc', not '{other}'."),
        };

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(options.ServiceName, serviceInstanceId: Environment.MachineName))
            .WithTracing(tracing => tracing
                .AddSource(BotTelemetry.Name)
                .AddAspNetCoreInstrumentation(aspNet => aspNet.Filter = context => !context.Request.Path.StartsWithSegments("/health"))
                .AddHttpClientInstrumentation()
                .AddNpgsql())
            .WithMetrics(metrics => metrics
                .AddMeter(BotTelemetry.Name)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddMeter("Npgsql", "System.Runtime"))
            .WithLogging(configureBuilder: null, configureOptions: logging =>
            {
                logging.IncludeScopes = true;
                logging.IncludeFormattedMessage = true;
            })
            // Base URL: the exporter adds /v1/traces, /v1/metrics and /v1/logs for http/protobuf.
            .UseOtlpExporter(protocol, baseUrl);
        return builder;
    }

    private static string? FirstSet(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
}
