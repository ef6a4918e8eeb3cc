namespace OperatorOne.Data.Audit;

/// <summary>
/// Every kind of <see cref="AuditEvent"/>, in one place: the audit log is read by the chat tool, the usage endpoint and
/// exports, so a kind written in one spelling and read in another would silently count nothing.
/// </summary>
public static class AuditKinds
{
    public const string ToolCall = "tool_call";
    public const string ApprovedToolCall = "approved_tool_call";
    public const string ApprovalRefused = "approval_refused";
    public const string ApprovalDecided = "approval_decided";
    public const string SelfApproval = "self_approval";
    public const string ApprovalExpired = "approval_expired";
    public const string LlmCall = "llm_call";
    public const string LlmSkipped = "llm_skipped";
    public const string LlmSecretBlocked = "llm_secret_blocked";
    public const string LlmBudgetExhausted = "llm_budget_exhausted";
    public const string PromptInjectionSuspected = "prompt_injection_suspected";
    public const string VoicePin = "voice_pin";
    public const string EmailRefused = "email_refused";
    public const string DocumentUpload = "document_upload";
    public const string McpCall = "mcp_call";
    public const string IntegrationCall = "integration_call";
    public const string DeliveryFailed = "delivery_failed";
    public const string DeliveryRerouted = "delivery_rerouted";
    public const string ChannelRevoked = "channel_revoked";
    public const string ChannelVerified = "channel_verified";
    public const string AdminCall = "admin_call";
    public const string OrganizationCreated = "organization_created";
}
