using OperatorOne.Data.Members;

namespace OperatorOne.Data.Organizations;

public sealed class Organization
{
    public Guid Id { get; set; }
    public required string Name { get; set; }

    /// <summary>What the business does, in its own words; given to the LLM as context.</summary>
    public string BusinessContext { get; set; } = "";

    /// <summary>The model for this organization; null uses Llm:Model.</summary>
    public string? LlmModel { get; set; }
    public float? LlmTemperature { get; set; }
    public int? LlmMaxOutputTokens { get; set; }

    /// <summary>Caps overriding Llm:Budget for this organization; null uses the configured ones.</summary>
    public long? LlmDailyTokens { get; set; }
    public decimal? LlmMonthlyCostUsd { get; set; }

    public TimeSpan ApprovalExpiry { get; set; } = TimeSpan.FromHours(24);
    public bool AllowSelfApproval { get; set; }

    /// <summary>Who may approve risky writes and admin actions here; null keeps each tool's own approver role.</summary>
    public MemberRole? RiskyWriteApproverRole { get; set; }
    public MemberRole? AdminApproverRole { get; set; }

    /// <summary>
    /// The ticket, approval and event numbers taken before the organization was created (a seeded one): its number
    /// sequences (op_next_number in Schema.sql) start after them. Not updated afterwards.
    /// </summary>
    public int LastTicketNumber { get; set; }
    public int LastApprovalNumber { get; set; }
    public int LastEventNumber { get; set; }

    /// <summary>An IANA id; members without a time zone of their own live in this one.</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>ISO 3166 alpha-2 ("US", "BE"): the region phone numbers typed without a country code belong to.</summary>
    public string Country { get; set; } = "US";

    public DateTimeOffset CreatedAt { get; set; }
}
