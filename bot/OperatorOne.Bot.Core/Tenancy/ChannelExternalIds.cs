using OperatorOne.Bot.Core.Phones;
using OperatorOne.Data.Channels;

namespace OperatorOne.Bot.Core.Tenancy;

/// <summary>
/// An installation's or identity's external id as it is stored, whoever typed it: phone numbers in E.164 (so they match
/// what Twilio sends), mailboxes in lower case, everything else trimmed.
/// </summary>
public static class ChannelExternalIds
{
    public static (string? Value, string? Problem) Normalize(string channel, string? typed, string country)
    {
        var trimmed = typed?.Trim() ?? "";
        if (trimmed.Length is 0 or > 200)
        {
            return (null, "The id must be 1 to 200 characters.");
        }
        if (channel == ChannelNames.Email)
        {
            // Mail addresses are matched case-insensitively, so a mailbox is kept in lower case.
            return Notices.EmailConversations.Address(trimmed) is { } address ? (address, null) : (null, "A mailbox is an email address (support@example.com).");
        }
        if (channel != ChannelNames.Voice)
        {
            return (trimmed, null);
        }
        return PhoneNumberInput.ToE164(trimmed, country) is { } e164
            ? (e164, null)
            : (null, $"'{trimmed}' is not a phone number (in {country}, or with a + and country code).");
    }
}
