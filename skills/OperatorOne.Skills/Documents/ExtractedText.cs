namespace OperatorOne.Skills.Documents;

/// <summary>The outcome of reading a file: its text and normalized content type, or why it cannot be read.</summary>
internal sealed record ExtractedText(string Text, string ContentType)
{
    public string? Problem { get; init; }

    /// <summary>Not a kind of file we read at all (as opposed to a damaged one).</summary>
    public bool Unsupported { get; init; }

    public static ExtractedText Refused(string problem) => new("", "") { Problem = problem };
}
