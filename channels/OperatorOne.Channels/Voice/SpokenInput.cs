using System.Text;
using System.Text.RegularExpressions;

namespace OperatorOne.Channels.Voice;

internal enum YesNo { Unclear, Yes, No }

internal enum ApprovalChoice { Unclear, Approve, Reject, Skip }

/// <summary>What a caller said or keyed, read for the guided flows: yes/no, approve/reject/skip, digits, a name; and numbers read back.</summary>
internal static partial class SpokenInput
{
    public static YesNo YesOrNo(string input) =>
        Words(input) switch
        {
            "1" or "yes" or "yeah" or "yep" or "yes please" or "correct" or "that's right" or "right" or "confirm" or "sure" or "ok" or "okay" => YesNo.Yes,
            "2" or "no" or "nope" or "no thanks" or "wrong" or "cancel" or "no it isn't" or "no it's not" => YesNo.No,
            _ => YesNo.Unclear,
        };

    public static ApprovalChoice Choice(string input) =>
        Words(input) switch
        {
            "1" or "approve" or "approve it" or "approved" or "accept" => ApprovalChoice.Approve,
            "2" or "reject" or "reject it" or "rejected" or "decline" or "deny" => ApprovalChoice.Reject,
            "3" or "skip" or "skip it" or "next" or "later" => ApprovalChoice.Skip,
            _ => ApprovalChoice.Unclear,
        };

    /// <summary>Keyed digits as they are; spoken ones ("five five five, oh one") as digits; null when anything else was said.</summary>
    public static string? Digits(string input)
    {
        var digits = new StringBuilder();
        foreach (var word in Separators().Split(input.ToLowerInvariant()).Where(w => w.Length > 0))
        {
            if (word.All(char.IsAsciiDigit))
            {
                digits.Append(word);
            }
            else if (DigitWord(word) is { } digit)
            {
                digits.Append(digit);
            }
            else if (word is not ("and" or "it's" or "its" or "is" or "my" or "number" or "pin" or "the" or "plus"))
            {
                return null;
            }
        }
        return digits.Length == 0 ? null : digits.ToString();
    }

    /// <summary>"My name is Ada Lovelace." → "Ada Lovelace"; null when nothing like a name is left.</summary>
    public static string? Name(string input)
    {
        var name = NameLead().Replace(input.Trim(), "").Trim().TrimEnd('.', '!', '?', ',').Trim();
        if (name.Length == 0 || name.All(c => char.IsAsciiDigit(c) || c == ' '))
        {
            return null;
        }
        return name.Length > 80 ? name[..80].Trim() : name;
    }

    /// <summary>A number read digit by digit in groups, as people say them: "+15550100123" → "5 5 5, 0 1 0, 0 1 2 3".</summary>
    public static string Number(string number)
    {
        var digits = new string([.. number.Where(char.IsAsciiDigit)]);
        if (digits.Length == 11 && digits[0] == '1')
        {
            digits = digits[1..];
        }
        var groups = new List<string>();
        var rest = digits;
        while (rest.Length > 4)
        {
            var take = rest.Length - 4 >= 3 ? 3 : rest.Length - 4;
            groups.Add(rest[..take]);
            rest = rest[take..];
        }
        groups.Add(rest);
        return string.Join(", ", groups.Select(g => string.Join(' ', g.ToCharArray())));
    }

    private static string Words(string input) =>
        Spaces().Replace(input.Trim().TrimEnd('.', '!', '?').Replace(",", "", StringComparison.Ordinal).ToLowerInvariant(), " ");

    private static char? DigitWord(string word) => word switch
    {
        "zero" or "oh" or "o" => '0',
        "one" => '1',
        "two" or "to" or "too" => '2',
        "three" => '3',
        "four" or "for" => '4',
        "five" => '5',
        "six" => '6',
        "seven" => '7',
        "eight" => '8',
        "nine" => '9',
        _ => null,
    };

    [GeneratedRegex(@"[\s,.\-()+#*!?]+", RegexOptions.CultureInvariant)]
    private static partial Regex Separators();

    [GeneratedRegex(@"^(hi|hello)?[,.]?\s*(my name is|my name's|the name is|this is|it's|it is|i'm|i am|call me|name)\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NameLead();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Spaces();
}
