using System.Text.RegularExpressions;

namespace OperatorOne.Channels.Voice;

/// <summary>E.164 numbers, the only form Twilio sends for phone callers and the form installations and identities are stored in.</summary>
internal static partial class PhoneNumbers
{
    public static bool IsE164(string? value) => value is not null && E164().IsMatch(value);

    [GeneratedRegex(@"^\+[1-9]\d{6,14}$", RegexOptions.CultureInvariant)]
    private static partial Regex E164();
}
