using System.Text;
using CsCheck;

namespace OperatorOne.Tests.Security;

/// <summary>
/// One edit of a valid body: insert a token that breaks text or JSON (an escaped NUL or lone surrogate, NaN, a duplicate
/// key, a stray quote), insert raw bytes that are not UTF-8, delete, duplicate or overwrite a range, or truncate.
/// Plain values, so CsCheck can shrink a failing case to the fewest, smallest edits.
/// </summary>
public sealed record Mutation(int Kind, double At, int Length, int Choice)
{
    private static readonly string[] JsonTokens =
    [
        "\\u0000", "\\ud800", "\\udfff", "\\uDBFF\\u0041", "NaN", "Infinity", "-Infinity", "1e999", "-0", "null", "true", "[]", "{}", "\"\"",
        "\"", "\\", ",", ":", "{", "}", "[", "]", "\"text\":\"again\",", "\"type\":\"message\",", "😀", "\u00e9", "\"NaN\"", "\"Infinity\"",
        "\"id\":\"x\",", "\"channel\":\"C1\",", "1.5", "99999999999999999999", "\"value\":{\"a\":1,\"a\":2},",
    ];

    private static readonly string[] FormTokens =
    [
        "%00", "%FF", "%C3%28", "%ED%A0%80", "&", "=", "%", "%%", "+", "payload=%7B%22a%22%3A1%2C%22a%22%3A2%7D", "%22", "%5Cu0000", "text=",
        "&Digits=%00", "&SpeechResult=%ED%A0%80", "&To=%2B1", "&From=", "&CallSid=CA", "%F0%9F%98%80",
    ];

    private static readonly byte[][] RawBytes = [[0x00], [0xFF], [0xC3, 0x28], [0xED, 0xA0, 0x80], [0xF0, 0x9F], [0x80], [0xFE, 0xFF], [0x0A]];

    /// <summary>Odd but well-formed values a structural edit puts in place of one value or field.</summary>
    private static readonly string[] OddValues =
    [
        "null", "\"\"", "\"x\"", "0", "-1", "1.5", "1e308", "\"NaN\"", "\"é😀\"", "\"" + new string('a', 5000) + "\"", "[]", "{}", "{\"a\":1}", "true",
        "\"2026-13-45T99:00\"", "\"<at>bot</at> help\"", "\"   \"", "\"../../etc/passwd\"", "\"' OR 1=1 --\"", "[1,[2,[3]]]", "\"00000000-0000-0000-0000-000000000000\"",
        "\"\\u0000\"", "-99999999999", "\"+15551234567\"",
    ];

    public static readonly Gen<Mutation> Gen = CsCheck.Gen.Select(CsCheck.Gen.Int[0, 8], CsCheck.Gen.Double[0, 1], CsCheck.Gen.Int[1, 24], CsCheck.Gen.Int[0, 255],
        (kind, at, length, choice) => new Mutation(kind, at, length, choice));

    /// <summary>One to three edits.</summary>
    public static readonly Gen<Mutation[]> Some = Gen.Array[1, 3];

    public static byte[] Apply(byte[] valid, IEnumerable<Mutation> mutations, bool form)
    {
        var body = valid.ToList();
        foreach (var m in mutations)
        {
            var at = Math.Min(body.Count, (int)(m.At * body.Count));
            var length = Math.Min(m.Length, body.Count - at);
            switch (m.Kind)
            {
                case 0 or 1:
                    var tokens = form ? FormTokens : JsonTokens;
                    body.InsertRange(at, Encoding.UTF8.GetBytes(tokens[m.Choice % tokens.Length]));
                    break;
                case 2:
                    body.InsertRange(at, RawBytes[m.Choice % RawBytes.Length]);
                    break;
                case 3:
                    body.RemoveRange(at, length);
                    break;
                case 4:
                    body.InsertRange(at, body.GetRange(at, length));
                    break;
                case 5:
                    for (var i = at; i < at + length; i++)
                    {
                        body[i] = (byte)((body[i] + m.Choice) % 256);
                    }
                    break;
                case 6:
                    body.RemoveRange(at, body.Count - at);
                    break;
                default:
                    body = form ? ReplaceField(body, m) : ReplaceValue(body, m);
                    break;
            }
        }
        return [.. body];
    }

    /// <summary>A structural edit: one value of the JSON (by position in document order) becomes an odd but well-formed one.</summary>
    private static List<byte> ReplaceValue(List<byte> body, Mutation m)
    {
        try
        {
            return ReplaceValue(System.Text.Json.Nodes.JsonNode.Parse(body.ToArray()), m) ?? body;
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or ArgumentException or InvalidOperationException)
        {
            // Not JSON (an earlier edit broke it) or JSON a tree cannot hold (a duplicate key): leave it as it is.
            return body;
        }
    }

    private static List<byte>? ReplaceValue(System.Text.Json.Nodes.JsonNode? root, Mutation m)
    {
        var slots = new List<(System.Text.Json.Nodes.JsonNode Parent, string? Name, int Index)>();
        void Walk(System.Text.Json.Nodes.JsonNode? node)
        {
            switch (node)
            {
                case System.Text.Json.Nodes.JsonObject o:
                    foreach (var (name, child) in o.ToList())
                    {
                        slots.Add((o, name, -1));
                        Walk(child);
                    }
                    break;
                case System.Text.Json.Nodes.JsonArray a:
                    for (var i = 0; i < a.Count; i++)
                    {
                        slots.Add((a, null, i));
                        Walk(a[i]);
                    }
                    break;
            }
        }
        Walk(root);
        if (slots.Count == 0)
        {
            return null;
        }
        var (parent, key, index) = slots[m.Choice % slots.Count];
        var value = System.Text.Json.Nodes.JsonNode.Parse(OddValues[m.Length % OddValues.Length]);
        if (key is not null)
        {
            parent.AsObject()[key] = value;
        }
        else
        {
            parent.AsArray()[index] = value;
        }
        return [.. Encoding.UTF8.GetBytes(root!.ToJsonString())];
    }

    /// <summary>A structural edit of a form: one field's value becomes an odd (URL-encoded) one.</summary>
    private static List<byte> ReplaceField(List<byte> body, Mutation m)
    {
        var fields = Encoding.UTF8.GetString([.. body]).Split('&');
        var i = m.Choice % fields.Length;
        var name = fields[i].Split('=')[0];
        var odd = OddValues[m.Length % OddValues.Length].Trim('"');
        fields[i] = $"{name}={Uri.EscapeDataString(odd)}";
        return [.. Encoding.UTF8.GetBytes(string.Join('&', fields))];
    }
}
