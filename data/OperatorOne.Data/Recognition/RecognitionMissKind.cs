namespace OperatorOne.Data.Recognition;

public enum RecognitionMissKind
{
    /// <summary>Near nothing the bot does: "I didn't understand".</summary>
    Unknown,

    /// <summary>Near several tools: the likeliest were offered as choices.</summary>
    Unsure,
}
