using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace OperatorOne.Bot.Core.Security;

/// <summary>
/// What no inbound text may hold, whatever the channel: bytes that are not UTF-8, NUL (PostgreSQL cannot store it) and
/// lone UTF-16 surrogates (no string survives encoding them). The reason says what was found and where.
/// </summary>
public static class InboundText
{
    /// <summary>Null when the bytes are UTF-8 without NUL; otherwise why not.</summary>
    public static string? Utf8Problem(ReadOnlySpan<byte> bytes, string what = "The body")
    {
        if (!Utf8.IsValid(bytes))
        {
            return $"{what} is not valid UTF-8 (byte {InvalidAt(bytes)}).";
        }
        return bytes.IndexOf((byte)0) is >= 0 and var nul ? $"{what} holds a NUL character (byte {nul}); text may not contain U+0000." : null;
    }

    /// <summary>Null when the decoded text has neither NUL nor a lone surrogate; otherwise why not.</summary>
    public static string? Problem(string text, string what)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\0')
            {
                return $"{what} holds a NUL character (U+0000), which text may not contain.";
            }
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return $"{what} holds a lone surrogate (U+{(int)c:X4}), which is not a character.";
            }
        }
        return null;
    }

    private static int InvalidAt(ReadOnlySpan<byte> bytes)
    {
        var offset = 0;
        while (offset < bytes.Length && Rune.DecodeFromUtf8(bytes[offset..], out _, out var consumed) == OperationStatus.Done)
        {
            offset += consumed;
        }
        return offset;
    }

    /// <summary>Short enough to quote in a reason.</summary>
    internal static string Quote(string text)
    {
        var shown = new StringBuilder();
        foreach (var rune in text.EnumerateRunes().Take(40))
        {
            shown.Append(Rune.IsControl(rune) ? '?' : rune.ToString());
        }
        return shown.ToString();
    }
}
