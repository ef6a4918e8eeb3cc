using System.Text.Json;
using System.Text.Json.Nodes;
using OperatorOne.Bot.Core.Security;

namespace OperatorOne.Channels.Voice.Media;

/// <summary>One inbound Media Streams message (connected, start, media, dtmf, mark, stop), or why it is unreadable.</summary>
internal abstract record MediaMessage
{
    private MediaMessage() { }

    public sealed record Connected : MediaMessage;

    public sealed record Start(string StreamSid, string? CallSid, string? AccountSid, IReadOnlyDictionary<string, string> Parameters, string Encoding, int SampleRate) : MediaMessage;

    public sealed record Media(byte[] Payload) : MediaMessage;

    public sealed record Dtmf(string Digit) : MediaMessage;

    public sealed record Mark(string Name) : MediaMessage;

    public sealed record Stop : MediaMessage;

    public sealed record Invalid(string Reason) : MediaMessage;

    public static MediaMessage Parse(ReadOnlySpan<byte> json)
    {
        // The same checks as every HTTP body: JsonNode throws (not JsonException) on invalid UTF-8 and duplicate keys.
        if (InboundJson.Problem(json, "The message") is { } problem)
        {
            return new Invalid(problem);
        }
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json);
        }
        catch (JsonException)
        {
            return new Invalid("The message is not JSON.");
        }
        if (root is not JsonObject message || Text(message, "event") is not { } kind)
        {
            return new Invalid("The message has no event.");
        }
        try
        {
            return kind switch
            {
                "connected" => new Connected(),
                "start" => ReadStart(message),
                "media" => ReadMedia(message),
                "dtmf" => Text(message["dtmf"], "digit") is { Length: 1 } digit ? new Dtmf(digit) : new Invalid("dtmf.digit is missing."),
                "mark" => Text(message["mark"], "name") is { } name ? new Mark(name) : new Invalid("mark.name is missing."),
                "stop" => new Stop(),
                _ => new Invalid($"Unknown event '{Truncate(kind)}'."),
            };
        }
        catch (InvalidOperationException)
        {
            return new Invalid("A field has the wrong type.");
        }
    }

    private static MediaMessage ReadStart(JsonObject message)
    {
        var start = message["start"] as JsonObject;
        if (start is null || (Text(start, "streamSid") ?? Text(message, "streamSid")) is not { Length: > 0 and <= 64 } streamSid)
        {
            return new Invalid("start.streamSid is missing.");
        }
        var parameters = (start["customParameters"] as JsonObject ?? [])
            .Where(p => p.Value is JsonValue v && v.GetValueKind() == JsonValueKind.String)
            .ToDictionary(p => p.Key, p => p.Value!.GetValue<string>(), StringComparer.Ordinal);
        var format = start["mediaFormat"] as JsonObject;
        var encoding = Text(format, "encoding") ?? "audio/x-mulaw";
        var rate = format?["sampleRate"] is JsonValue r && r.TryGetValue<int>(out var sampleRate) ? sampleRate : 8000;
        return new Start(streamSid, Text(start, "callSid"), Text(start, "accountSid"), parameters, encoding, rate);
    }

    private static string? Text(JsonNode? node, string name) =>
        node is JsonObject o && o[name] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    private static MediaMessage ReadMedia(JsonObject message)
    {
        try
        {
            return Text(message["media"], "payload") is { } payload
                ? new Media(Convert.FromBase64String(payload))
                : new Invalid("media.payload is missing.");
        }
        catch (FormatException)
        {
            return new Invalid("media.payload is not base64.");
        }
    }

    private static string Truncate(string text) => text.Length <= 40 ? text : text[..40];
}
