namespace OperatorOne.Bot.Nlu;

/// <summary>How one tool (or the whole set) scored.</summary>
internal sealed record NluScore(string Tool, int Total, int Correct, int SlotHits, int SlotPredicted, int SlotExpected)
{
    /// <summary>Lines the recognizer acted on without asking (a pattern or a confident guess), and how many of those were right.</summary>
    public int Acted { get; init; }
    public int ActedCorrect { get; init; }

    /// <summary>Lines where the right tool was among the choices offered (or acted on).</summary>
    public int Offered { get; init; }

    public double IntentAccuracy => Total == 0 ? 0 : (double)Correct / Total;

    /// <summary>Micro F1 over (slot, value) pairs; a line with no slots on either side counts as neither hit nor miss.</summary>
    public double SlotF1 => SlotPredicted + SlotExpected == 0 ? 1 : 2.0 * SlotHits / (SlotPredicted + SlotExpected);

    public static NluScore Sum(string name, IReadOnlyCollection<NluScore> scores) =>
        new(name, scores.Sum(s => s.Total), scores.Sum(s => s.Correct), scores.Sum(s => s.SlotHits), scores.Sum(s => s.SlotPredicted), scores.Sum(s => s.SlotExpected))
        {
            Acted = scores.Sum(s => s.Acted),
            ActedCorrect = scores.Sum(s => s.ActedCorrect),
            Offered = scores.Sum(s => s.Offered),
        };
}
