using System.Text.Json;

namespace OperatorOne.Bot.Core.Security;

/// <summary>
/// The checks every inbound JSON document passes before anything binds it: UTF-8, well-formed (no comments, no trailing
/// commas, at most <see cref="MaxDepth"/> deep), no property twice in one object (readers disagree on which one wins,
/// and a signature covers both), and no string or name with NUL or a lone surrogate.
/// </summary>
public static class InboundJson
{
    public const int MaxDepth = 64;

    /// <summary>
    /// Null when the document is clean; otherwise the reason to refuse it. With <paramref name="onlyIfWellFormed"/>, text that
    /// is not JSON at all passes (a form field that merely starts with a brace).
    /// </summary>
    public static string? Problem(ReadOnlySpan<byte> json, string what = "The body", bool onlyIfWellFormed = false)
    {
        if (InboundText.Utf8Problem(json, what) is { } encoding)
        {
            return encoding;
        }
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = MaxDepth });
        var objects = new Stack<HashSet<string>?>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                        objects.Push(new HashSet<string>(StringComparer.Ordinal));
                        break;
                    case JsonTokenType.StartArray:
                        objects.Push(null);
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        objects.Pop();
                        break;
                    case JsonTokenType.PropertyName:
                        var name = ReadString(ref reader, what, out var nameProblem);
                        if (nameProblem is not null)
                        {
                            return nameProblem;
                        }
                        if (!objects.Peek()!.Add(name!))
                        {
                            return $"{what} has the property '{InboundText.Quote(name!)}' twice in one object.";
                        }
                        break;
                    case JsonTokenType.String:
                        ReadString(ref reader, what, out var valueProblem);
                        if (valueProblem is not null)
                        {
                            return valueProblem;
                        }
                        break;
                }
            }
        }
        catch (JsonException e)
        {
            return onlyIfWellFormed ? null : $"{what} is not well-formed JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine}).";
        }
        return null;
    }

    private static string? ReadString(ref Utf8JsonReader reader, string what, out string? problem)
    {
        var at = reader.TokenStartIndex;
        string text;
        try
        {
            text = reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            // GetString refuses an escaped lone surrogate ("\ud800").
            problem = $"{what} has a string with a lone surrogate escape (byte {at}), which is not a character.";
            return null;
        }
        problem = InboundText.Problem(text, $"{what} has a string (byte {at}) that") is { } found ? found : null;
        return text;
    }
}
