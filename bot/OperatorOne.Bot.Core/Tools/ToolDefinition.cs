using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Data.Members;

namespace OperatorOne.Bot.Core.Tools;

/// <summary>
/// A skill's tool. <see cref="Handler"/> is a method with typed parameters: the simple ones are its arguments, whose
/// JSON schema (for the LLM and for slot filling) comes from the signature; the others are what it needs (the store,
/// the caller, a service), bound per call like a minimal-API handler's (see <see cref="ToolFunctions"/>). The approval
/// hooks (<see cref="Check"/>, <see cref="Summarize"/>) declare theirs the same way.
/// </summary>
public sealed record ToolDefinition
{
    public required string Name { get; init; }
    public required string Description { get; init; }
    public required ToolTier Tier { get; init; }
    public required MemberRole MinimumRole { get; init; }
    public required Delegate Handler { get; init; }

    /// <summary>Unknown callers may use it when the organization allows intake (open a ticket, ask its status).</summary>
    public bool AllowGuests { get; init; }

    /// <summary>Who must approve a RiskyWrite; Admin-tier tools always need an admin or owner.</summary>
    public MemberRole ApproverRole { get; init; } = MemberRole.Admin;

    /// <summary>How people phrase it, for the built-in recognizer.</summary>
    public IReadOnlyList<Utterance> Utterances { get; init; } = [];

    /// <summary>What to ask when a required parameter is missing: parameter name → question.</summary>
    public IReadOnlyDictionary<string, string> Prompts { get; init; } = new Dictionary<string, string>();

    /// <summary>The line "help" shows for this tool.</summary>
    public string? HelpExample { get; init; }

    /// <summary>Parameters whose values are secrets (a PIN): the audit trail stores them masked.</summary>
    public IReadOnlySet<string> SecretParameters { get; init; } = new HashSet<string>();

    /// <summary>
    /// Set for a tool whose parameters are data, not a signature (an organization's custom HTTP tool): the schema the
    /// recognizers, the LLM and MCP clients see; the handler takes the values as <c>AIFunctionArguments</c>.
    /// </summary>
    public System.Text.Json.JsonElement? ParameterSchema { get; init; }

    /// <summary>
    /// A one-line description of a concrete call for approval cards: "Delete ticket #12". A method returning a
    /// <see cref="string"/> (or a task of one) whose parameters bind as the handler's do: the call's arguments by name, and
    /// what it uses (the store, the caller, a service).
    /// </summary>
    public Delegate? Summarize { get; init; }

    /// <summary>
    /// Runs before an approval is requested: a result (a refusal such as "I couldn't find ticket #999", or a question)
    /// answers the call instead, so nobody is asked to approve something that does not exist. A method returning a
    /// <see cref="ToolResult"/> or null (or a task of one), its parameters bound as the handler's are.
    /// </summary>
    public Delegate? Check { get; init; }
}
