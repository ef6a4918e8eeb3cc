using System.Text.RegularExpressions;

namespace OperatorOne.Skills.Crm;

/// <summary>What a contact's fields may hold; shared by the chat tools and the CSV import, so both refuse the same things.</summary>
internal static partial class ContactRules
{
    public const int MaxName = 200;
    public const int MaxEmail = 320;
    public const int MaxPhone = 40;

    /// <summary>Why these values can't be a contact, or null when they can.</summary>
    public static string? Problem(string? name, string? email, string? phone)
    {
        var person = name?.Trim() ?? "";
        if (person.Length == 0)
        {
            return "A contact needs a name.";
        }
        if (person.Length > MaxName)
        {
            return $"The name is longer than {MaxName} characters.";
        }
        if (Clean(email) is { } address && (address.Length > MaxEmail || !Email().IsMatch(address)))
        {
            return $"\"{Short(address)}\" is not an email address.";
        }
        if (Clean(phone) is { } number && (number.Length > MaxPhone || !Phone().IsMatch(number)))
        {
            return $"\"{Short(number)}\" is not a phone number.";
        }
        return null;
    }

    /// <summary>The value as stored: trimmed, or null when empty.</summary>
    public static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string Short(string text) => text.Length <= 60 ? text : text[..57] + "…";

    [GeneratedRegex(@"^[^@\s,;<>""]+@[^@\s,;<>""]+\.[^@\s,;<>""]+$")]
    private static partial Regex Email();

    [GeneratedRegex(@"^\+?[0-9][0-9 ()./-]{4,}[0-9]$")]
    private static partial Regex Phone();
}
