using PhoneNumbers;

namespace OperatorOne.Bot.Core.Phones;

/// <summary>
/// Phone numbers as people type them ("(555) 123-4567", "0470 12 34 56", "+32 470 12 34 56") to E.164, the form
/// Twilio sends and installations and identities are stored in. A number without a country code belongs to the
/// organization's country.
/// </summary>
public static class PhoneNumberInput
{
    private static readonly PhoneNumberUtil Numbers = PhoneNumberUtil.GetInstance();

    /// <summary>The regions numbers can be read for (ISO 3166 alpha-2), for setup forms and validation.</summary>
    public static IReadOnlyCollection<string> Countries { get; } = [.. Numbers.GetSupportedRegions().Order(StringComparer.Ordinal)];

    public static bool IsCountry(string? code) => code is { Length: 2 } && Countries.Contains(code.ToUpperInvariant());

    /// <summary>The number in E.164, or null when it is not a possible phone number in that region.</summary>
    public static string? ToE164(string? typed, string defaultRegion)
    {
        if (string.IsNullOrWhiteSpace(typed) || typed.Length > 40)
        {
            return null;
        }
        try
        {
            var number = Numbers.Parse(typed.Trim(), IsCountry(defaultRegion) ? defaultRegion.ToUpperInvariant() : "US");
            // Possible, not valid: reserved and fictional ranges (555-01xx) are still numbers Twilio can send.
            return Numbers.IsPossibleNumber(number) ? Numbers.Format(number, PhoneNumberFormat.E164) : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }
}
