using System.Xml.Linq;

namespace OperatorOne.Channels.Voice.Media;

/// <summary>Stream mode's answer to an incoming call: connect its audio to our WebSocket, naming the number and caller.</summary>
internal static class MediaTwiML
{
    /// <summary>The numbers travel as stream parameters because Twilio's start message carries only the call's SIDs.</summary>
    public static XDocument Connect(VoiceRequest call, TwilioOptions options) =>
        TwiML.Response(
            new XElement("Connect",
                new XElement("Stream", new XAttribute("url", StreamUrl(options).AbsoluteUri),
                    Parameter("To", call.To), Parameter("From", call.From))),
            // Reached only when the bot closes the stream (the caller said goodbye).
            TwiML.Hangup());

    public static Uri StreamUrl(TwilioOptions options)
    {
        var baseUrl = options.PublicBaseUrl ?? throw new InvalidOperationException("Twilio:PublicBaseUrl is not set.");
        var builder = new UriBuilder(baseUrl) { Scheme = baseUrl.Scheme == "http" ? "ws" : "wss", Port = baseUrl.IsDefaultPort ? -1 : baseUrl.Port };
        builder.Path = builder.Path.TrimEnd('/') + MediaStreamEndpoint.Path;
        return builder.Uri;
    }

    private static XElement Parameter(string name, string value) => new("Parameter", new XAttribute("name", name), new XAttribute("value", value));
}
