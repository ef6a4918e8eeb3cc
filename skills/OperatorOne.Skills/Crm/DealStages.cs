using OperatorOne.Data.Crm;

namespace OperatorOne.Skills.Crm;

/// <summary>
/// How likely a deal at each stage is to close, for the weighted pipeline. Fixed, the same for every organization:
/// prospecting 10 %, proposal 40 %, negotiation 70 %, won 100 %, lost 0 %.
/// </summary>
internal static class DealStages
{
    public static int Probability(DealStage stage) => stage switch
    {
        DealStage.Prospecting => 10,
        DealStage.Proposal => 40,
        DealStage.Negotiation => 70,
        DealStage.Won => 100,
        _ => 0,
    };

    public static bool IsOpen(DealStage stage) => stage is not (DealStage.Won or DealStage.Lost);

    /// <summary>What a deal is worth in the forecast: its amount times its stage's probability.</summary>
    public static decimal Weighted(decimal amount, DealStage stage) => decimal.Round(amount * Probability(stage) / 100m, 2);
}
