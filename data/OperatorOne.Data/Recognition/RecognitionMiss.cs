namespace OperatorOne.Data.Recognition;

/// <summary>
/// A sentence the built-in recognizer could not place, or placed only with a low-confidence guess: shown to admins
/// ("what did people ask that you couldn't place") so they can add phrasings. Nothing is learned from it silently.
/// </summary>
public sealed class RecognitionMiss
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string Channel { get; set; }
    public Guid? MemberId { get; set; }
    public Guid? ConversationId { get; set; }

    /// <summary>What was said, as said (cut to 500 characters).</summary>
    public required string Text { get; set; }

    /// <summary>Unknown (nothing was near) or Unsure (choices were offered).</summary>
    public RecognitionMissKind Kind { get; set; }

    /// <summary>The likeliest tools with their scores, best first: "move_lead 0.52, convert_lead 0.49".</summary>
    public required string Guesses { get; set; }

    /// <summary>The top guess's score, 0–1.</summary>
    public double Confidence { get; set; }

    /// <summary>The tool the person picked from the choices offered, once they did.</summary>
    public string? ChosenTool { get; set; }
}
