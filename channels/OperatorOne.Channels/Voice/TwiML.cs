using System.Xml.Linq;

namespace OperatorOne.Channels.Voice;

/// <summary>TwiML documents built as XML (never by string concatenation), so caller-supplied text is always escaped.</summary>
internal static class TwiML
{
    public const string ContentType = "text/xml; charset=utf-8";

    public static XDocument Response(params IEnumerable<XElement> verbs) =>
        new(new XDeclaration("1.0", "utf-8", null), new XElement("Response", verbs));

    public static XElement Say(string text, TwilioOptions options) =>
        new("Say", new XAttribute("voice", options.Voice), new XAttribute("language", options.Language), text);

    /// <summary>Listens for speech or one key while the prompt plays; an empty result still comes back, so silence is counted.</summary>
    public static XElement Gather(Uri action, IEnumerable<string> hints, string prompt, TwilioOptions options) =>
        Listen(action, hints, prompt, options, new XAttribute("numDigits", "1"), new XAttribute("timeout", "5"));

    /// <summary>Listens for several keys ended by #, or for them spoken: a PIN, a phone number.</summary>
    public static XElement GatherDigits(Uri action, IEnumerable<string> hints, string prompt, TwilioOptions options) =>
        Listen(action, hints, prompt, options, new XAttribute("finishOnKey", "#"), new XAttribute("timeout", "8"));

    private static XElement Listen(Uri action, IEnumerable<string> hints, string prompt, TwilioOptions options, params XAttribute[] keys) =>
        new("Gather",
            new XAttribute("input", "speech dtmf"),
            new XAttribute("action", action.AbsoluteUri),
            new XAttribute("method", "POST"),
            keys,
            new XAttribute("speechTimeout", "auto"),
            new XAttribute("speechModel", "phone_call"),
            new XAttribute("language", options.Language),
            new XAttribute("hints", string.Join(", ", hints)),
            new XAttribute("actionOnEmptyResult", "true"),
            Say(prompt, options));

    public static XElement Dial(string number) => new("Dial", new XAttribute("timeout", "30"), number);

    public static XElement Hangup() => new("Hangup");

    public static XElement Pause(int seconds) => new("Pause", new XAttribute("length", seconds));

    /// <summary>Fetches the next TwiML from <paramref name="url"/>; a POST, so it is signed over the form like every webhook.</summary>
    public static XElement Redirect(Uri url) => new("Redirect", new XAttribute("method", "POST"), url.AbsoluteUri);
}
