using OperatorOne.Bot.Core.Channels;

namespace OperatorOne.Channels.Voice.Media;

/// <summary>
/// Who is on a media stream: a phone caller (Twilio's start names the call, and the To/From parameters our TwiML
/// set name the organization's number and the caller), or a signed-in browser user on the browser call page.
/// </summary>
internal sealed record MediaCaller
{
    public required Guid OrganizationId { get; init; }

    public VoiceRequest? Phone { get; init; }

    public BrowserSession? Browser { get; init; }

    /// <summary>Tells this session's turns apart from any earlier call in the same conversation.</summary>
    public string Session { get; } = Guid.NewGuid().ToString("N")[..12];
}
