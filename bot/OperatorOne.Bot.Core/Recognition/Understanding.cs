using System.Text.Json.Nodes;
using OperatorOne.Bot.Core.Tools;

namespace OperatorOne.Bot.Core.Recognition;

/// <summary>How sure the recognizer is of what a sentence asks.</summary>
public enum UnderstandingKind
{
    /// <summary>A tool's pattern explains the whole sentence.</summary>
    Pattern,

    /// <summary>The sentence is close to one tool's examples and clearly closer than to any other's.</summary>
    Confident,

    /// <summary>Near some tools, but not clearly one: the caller is offered the likeliest.</summary>
    Unsure,

    /// <summary>Near nothing the bot does.</summary>
    Unknown,
}

/// <summary>A tool the sentence may mean, with the slots read for that tool.</summary>
public sealed record Candidate(RegisteredTool Tool, JsonObject Arguments, double Score);

/// <summary>What the recognizer made of a sentence: the reading it acts on, or the candidates it offers, and why.</summary>
public sealed record Understanding(UnderstandingKind Kind, Reading? Reading, IReadOnlyList<Candidate> Candidates)
{
    /// <summary>The best guess, whether or not it is acted on (what eval-nlu scores).</summary>
    public string? TopTool => Reading?.Tool.Name ?? (Candidates.Count > 0 ? Candidates[0].Tool.Name : null);

    /// <summary>The slots of the best guess.</summary>
    public JsonObject Arguments => Reading?.Arguments ?? (Candidates.Count > 0 ? Candidates[0].Arguments : []);

    public double Confidence => Kind == UnderstandingKind.Pattern ? 1 : Candidates.Count > 0 ? Candidates[0].Score : 0;

    public static Understanding Nothing { get; } = new(UnderstandingKind.Unknown, null, []);
}

/// <summary>The confidence a guess needs to be acted on, and the floor below which nothing is offered.</summary>
public sealed record UnderstandingThresholds
{
    public const string Section = "Recognition";

    /// <summary>Top score at or above which the best tool runs (if also ahead by <see cref="Margin"/>).</summary>
    public double Accept { get; init; } = 0.55;

    /// <summary>How far ahead of the second tool the first must be to run without asking.</summary>
    public double Margin { get; init; } = 0.03;

    /// <summary>Below this nothing is near enough to offer: "I didn't understand".</summary>
    public double Floor { get; init; } = 0.35;

    /// <summary>How many tools are offered when unsure.</summary>
    public int Choices { get; init; } = 3;

    /// <summary>Folder for the embedded examples and trained classifier (<see cref="SemanticCache"/>); empty means the default.</summary>
    public string? Cache { get; init; }
}
