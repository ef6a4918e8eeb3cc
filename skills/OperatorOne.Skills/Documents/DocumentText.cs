using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using UglyToad.PdfPig;

namespace OperatorOne.Skills.Documents;

/// <summary>
/// Reads the text out of PDF, Word (.docx), plain text and Markdown files. The kind comes from the bytes and the
/// name together, so a renamed or mislabelled file gets a clear answer instead of garbage; nothing here throws.
/// </summary>
internal static class DocumentText
{
    public const string Pdf = "application/pdf";
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string PlainText = "text/plain";
    public const string Markdown = "text/markdown";

    /// <summary>tsvector holds at most 1 MB; the index keeps the first part of very long documents.</summary>
    public const int MaxIndexedChars = 400_000;

    public const string Supported = "PDF, Word (.docx), plain text and Markdown";

    public static ExtractedText Extract(string fileName, string? contentType, byte[] bytes)
    {
        if (bytes.Length == 0)
        {
            return ExtractedText.Refused($"{fileName} is empty.");
        }
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        var declared = (contentType ?? "").Split(';')[0].Trim().ToLowerInvariant();
        if (extension == ".pdf" || declared == Pdf)
        {
            return StartsWith(bytes, "%PDF-"u8) ? Read(fileName, Pdf, ReadPdf, bytes)
                : ExtractedText.Refused($"{fileName} is not a valid PDF.");
        }
        if (extension == ".docx" || declared == Docx)
        {
            return StartsWith(bytes, "PK\u0003\u0004"u8) ? Read(fileName, Docx, ReadDocx, bytes)
                : ExtractedText.Refused($"{fileName} is not a valid Word (.docx) file.");
        }
        var isMarkdown = extension is ".md" or ".markdown" || declared == Markdown;
        if (isMarkdown || extension == ".txt" || declared == PlainText)
        {
            return ReadText(fileName, isMarkdown ? Markdown : PlainText, bytes);
        }
        return ExtractedText.Refused($"I can't read {fileName}: I take {Supported} files.") with { Unsupported = true };
    }

    private static ExtractedText Read(string fileName, string type, Func<byte[], string> read, byte[] bytes)
    {
        try
        {
            var text = Clip(read(bytes));
            return text.Trim().Length == 0
                ? ExtractedText.Refused($"{fileName} has no text I can read (a scanned image?).")
                : new ExtractedText(text, type);
        }
        // Parsers throw many kinds for damaged files; every one of them means "cannot read this file".
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return ExtractedText.Refused($"{fileName} looks damaged; I couldn't read it.");
        }
    }

    private static string ReadPdf(byte[] bytes)
    {
        using var pdf = PdfDocument.Open(bytes);
        var text = new StringBuilder();
        foreach (var page in pdf.GetPages())
        {
            text.AppendJoin(' ', page.GetWords().Select(w => w.Text)).Append('\n');
        }
        return text.ToString();
    }

    private static string ReadDocx(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        using var word = WordprocessingDocument.Open(stream, isEditable: false);
        var body = word.MainDocumentPart?.Document?.Body;
        return body is null ? "" : string.Join('\n', body.Descendants<Paragraph>().Select(p => p.InnerText));
    }

    private static ExtractedText ReadText(string fileName, string type, byte[] bytes)
    {
        try
        {
            var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes).TrimStart('\uFEFF');
            return text.Contains('\0') || text.Trim().Length == 0
                ? ExtractedText.Refused($"{fileName} is not readable text.")
                : new ExtractedText(Clip(text), type);
        }
        catch (DecoderFallbackException)
        {
            return ExtractedText.Refused($"{fileName} is not UTF-8 text.");
        }
    }

    private static bool StartsWith(byte[] bytes, ReadOnlySpan<byte> magic) => bytes.AsSpan().StartsWith(magic);

    /// <summary>PostgreSQL text cannot hold NUL; and the index has a size limit.</summary>
    private static string Clip(string text)
    {
        text = text.Replace("\0", "", StringComparison.Ordinal);
        return text.Length > MaxIndexedChars ? text[..MaxIndexedChars] : text;
    }
}
