using System.Text;

namespace OperatorOne.Skills.Crm;

/// <summary>One record of a CSV file, with the line it starts on (for reports that point at the file).</summary>
public sealed record CsvRecord(int Line, IReadOnlyList<string> Fields);

/// <summary>
/// RFC 4180 CSV: fields separated by commas (or semicolons, when the header uses them), quoted with double quotes,
/// quotes doubled inside, CRLF or LF between records; a quoted field may span lines. Pure, so every shape is unit-tested.
/// </summary>
public static class ContactCsv
{
    public static (List<CsvRecord> Records, string? Problem) Parse(string text)
    {
        var records = new List<CsvRecord>();
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }
        var separator = Separator(text);
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var start = 1;
        var quoted = false;
        var wasQuoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    line += c == '\n' ? 1 : 0;
                    field.Append(c);
                }
                continue;
            }
            switch (c)
            {
                case '"' when field.Length == 0 && !wasQuoted:
                    quoted = wasQuoted = true;
                    break;
                case '"':
                    return ([], $"Line {line}: a quote inside an unquoted field; quote the whole field and double the quote (\"\").");
                case '\r':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    Add(records, start, fields);
                    (fields, field, wasQuoted) = ([], new StringBuilder(), false);
                    start = ++line;
                    break;
                default:
                    if (c == separator)
                    {
                        fields.Add(field.ToString());
                        (field, wasQuoted) = (new StringBuilder(), false);
                    }
                    else if (wasQuoted)
                    {
                        return ([], $"Line {line}: text after a closing quote.");
                    }
                    else
                    {
                        field.Append(c);
                    }
                    break;
            }
        }
        if (quoted)
        {
            return ([], $"Line {start}: a quoted field is never closed.");
        }
        fields.Add(field.ToString());
        Add(records, start, fields);
        return (records, null);
    }

    /// <summary>Blank lines are not records.</summary>
    private static void Add(List<CsvRecord> records, int line, List<string> fields)
    {
        if (fields.Count > 1 || fields[0].Trim().Length > 0)
        {
            records.Add(new CsvRecord(line, fields));
        }
    }

    /// <summary>A semicolon when the header line has semicolons and no commas (spreadsheets in many locales), else a comma.</summary>
    private static char Separator(string text)
    {
        var end = text.IndexOf('\n');
        var header = end < 0 ? text : text[..end];
        return header.Contains(';') && !header.Contains(',') ? ';' : ',';
    }
}
