using System.Text.Json;
using System.Text.Json.Serialization;

namespace OperatorOne.Channels.Voice;

[JsonConverter(typeof(JsonStringEnumConverter<VoiceFlow>))]
internal enum VoiceFlow { None, Intake, Approvals, Risky }

/// <summary>The question a guided call is waiting on.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<VoiceStage>))]
internal enum VoiceStage { None, Name, Problem, ConfirmOwnNumber, Number, ConfirmNumber, Choose, Pin, Confirm }

/// <summary>An approval read out by phone: its id, number and the words for it ("Ada asks to delete ticket 12").</summary>
internal sealed record SpokenApproval(Guid Id, int Number, string Spoken);

/// <summary>Where a guided call stands; stored as JSON in voice_calls.state, so any replica takes the next step.</summary>
internal sealed record VoiceFlowState
{
    public VoiceFlow Flow { get; init; }
    public VoiceStage Stage { get; init; }

    /// <summary>Intake: the caller's name, their problem, and the number to call back (E.164 or the digits given).</summary>
    public string? Name { get; init; }
    public string? Problem { get; init; }
    public string? Callback { get; init; }

    /// <summary>Approvals: the list read out and the one being decided.</summary>
    public IReadOnlyList<SpokenApproval> Approvals { get; init; } = [];
    public int Index { get; init; }

    /// <summary>Approvals: the decision waiting for PIN and confirmation.</summary>
    public bool? Approve { get; init; }

    /// <summary>Risky: the tool call waiting for PIN and confirmation, and its summary as read back.</summary>
    public string? Tool { get; init; }
    public string? Arguments { get; init; }
    public string? Summary { get; init; }

    public bool IsActive => Flow != VoiceFlow.None;

    public SpokenApproval? Current => Index < Approvals.Count ? Approvals[Index] : null;

    public static readonly VoiceFlowState Idle = new();

    public string ToJson() => JsonSerializer.Serialize(this);

    public static VoiceFlowState FromJson(string json) =>
        string.IsNullOrWhiteSpace(json) || json == "{}" ? Idle : JsonSerializer.Deserialize<VoiceFlowState>(json) ?? Idle;
}
