using Microsoft.AspNetCore.Http;

namespace OperatorOne.Channels.Voice;

/// <summary>The fields of a verified Twilio voice webhook this channel uses.</summary>
internal sealed record VoiceRequest
{
    public required string CallSid { get; init; }
    public required string From { get; init; }
    public required string To { get; init; }
    public string? AccountSid { get; init; }
    public string? CallStatus { get; init; }
    public string? SpeechResult { get; init; }
    public string? Digits { get; init; }

    /// <summary>Null when a required field is missing or the called number is not E.164.</summary>
    public static VoiceRequest? Read(IFormCollection form)
    {
        string? Field(string name) => form.TryGetValue(name, out var value) && value.Count == 1 && !string.IsNullOrWhiteSpace(value[0]) ? value[0]!.Trim() : null;
        var callSid = Field("CallSid");
        var from = Field("From");
        var to = Field("To");
        if (callSid is null || from is null || to is null || !callSid.StartsWith("CA", StringComparison.Ordinal) || callSid.Length > 64 || !PhoneNumbers.IsE164(to))
        {
            return null;
        }
        return new VoiceRequest
        {
            CallSid = callSid,
            From = from,
            To = to,
            AccountSid = Field("AccountSid"),
            CallStatus = Field("CallStatus"),
            SpeechResult = Field("SpeechResult"),
            Digits = Field("Digits"),
        };
    }
}
