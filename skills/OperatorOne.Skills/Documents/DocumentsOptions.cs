using System.ComponentModel.DataAnnotations;

namespace OperatorOne.Skills.Documents;

/// <summary>The "Documents" settings: the upload cap, how long download links live, and the bot's public address for them.</summary>
public sealed class DocumentsOptions
{
    public const string Section = "Documents";

    /// <summary>Uploads above this many bytes are refused (413 over HTTP, a clear answer in chat).</summary>
    [Range(1024, 100 * 1024 * 1024)]
    public long MaxBytes { get; set; } = 10 * 1024 * 1024;

    [Range(1, 7 * 24 * 60)]
    public int LinkMinutes { get; set; } = 15;

    /// <summary>Makes download links absolute (needed for Teams and Slack); without it they are relative to the bot.</summary>
    public Uri? PublicBaseUrl { get; set; }
}
