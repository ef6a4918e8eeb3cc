namespace OperatorOne.Bot.Core.Recognition;

/// <summary>How a tool's examples add up to its score; measured with eval-nlu --compare (README, Recognition).</summary>
public enum IntentScoring
{
    /// <summary>The single most similar example (1-nearest neighbour).</summary>
    Nearest,

    /// <summary>The mean of the tool's two most similar examples: one odd example cannot win alone.</summary>
    TopTwo,

    /// <summary>The similarity to the mean of the tool's examples (centroid).</summary>
    Centroid,

    /// <summary>Half the centroid's similarity, half the two nearest examples'.</summary>
    Blend,
}
