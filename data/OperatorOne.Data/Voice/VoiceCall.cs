namespace OperatorOne.Data.Voice;

/// <summary>
/// Where one phone call is in a guided flow (intake, approvals, a risky request behind the PIN), and the TwiML its
/// last step answered, so a repeated Twilio callback hears the same answer instead of moving the flow on again.
/// </summary>
public sealed class VoiceCall
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }
    public required string CallSid { get; set; }

    /// <summary>The flow's state as JSON; "{}" when the call is in free conversation.</summary>
    public required string State { get; set; }

    /// <summary>The Gather step whose answer is stored in <see cref="Answer"/>.</summary>
    public int Step { get; set; }
    public string Answer { get; set; } = "";

    /// <summary>Wrong PINs in this call; the third hands the call over.</summary>
    public int PinFailures { get; set; }

    /// <summary>The caller keyed their right PIN earlier in this call.</summary>
    public bool PinVerified { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
