namespace OperatorOne.Data.Conversations;

/// <summary>A conversation on one channel, with the reference needed to message it proactively.</summary>
public sealed class Conversation
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }
    public required string Channel { get; set; }
    public required string ExternalId { get; set; }

    /// <summary>The member this conversation belongs to, when it is a 1:1 conversation with a known member.</summary>
    public Guid? MemberId { get; set; }

    /// <summary>Serialized conversation reference (service URL, conversation, bot, user); raw JSON.</summary>
    public required string Reference { get; set; }

    /// <summary>Set when the channel told us we can no longer post here (403/404); cleared on the next inbound turn.</summary>
    public bool IsStale { get; set; }

    /// <summary>The LLM's summary of the turns too old for its prompt; empty until the first ones are dropped.</summary>
    public string Summary { get; set; } = "";

    /// <summary>The last transcript message the summary covers (0: none).</summary>
    public long SummaryThroughMessageId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset LastActivityAt { get; set; }
}
