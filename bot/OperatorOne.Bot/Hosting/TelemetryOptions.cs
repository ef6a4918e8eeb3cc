namespace OperatorOne.Bot.Hosting;

/// <summary>The "Telemetry" section; the standard OTEL_* environment variables work too.</summary>
internal sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>The OTLP collector's base URL (http://collector:4318); telemetry is exported only when this or OTEL_EXPORTER_OTLP_ENDPOINT is set.</summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary>"http/protobuf" (port 4318, the default) or "grpc" (port 4317); falls back to OTEL_EXPORTER_OTLP_PROTOCOL.</summary>
    public string? OtlpProtocol { get; set; }

    /// <summary>service.name on every span, metric and log.</summary>
    public string ServiceName { get; set; } = "operatorone";
}
