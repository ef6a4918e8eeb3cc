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

    /// <summary>Half the centroid's similarity, half the mean of the tool's three nearest examples.</summary>
    BlendThree,

    /// <summary>
    /// Half the centroid's similarity, half a weighted vote of the sentence's eight nearest examples of any tool: each
    /// neighbour weighs exp(similarity / 0.05), and a tool gets the weighted mean similarity of its neighbours times
    /// their share of the weight, so a tool the neighbours disagree on scores lower than one they agree on.
    /// </summary>
    VoteBlend,

    /// <summary>The probability a softmax classifier trained on the examples gives each tool (<see cref="IntentClassifier"/>).</summary>
    Classifier,

    /// <summary>
    /// The mean of <see cref="Blend"/> and the classifier's probability: the probability separates tools the examples
    /// leave close, the similarity keeps a sentence near nothing the bot does low (the classifier's probabilities always
    /// add up to 1, however far the sentence is from every example).
    /// </summary>
    Ensemble,
}
