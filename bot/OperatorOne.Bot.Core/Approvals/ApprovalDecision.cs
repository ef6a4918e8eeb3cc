namespace OperatorOne.Bot.Core.Approvals;

/// <summary>A click on an approval card: which request, approve or reject.</summary>
public sealed record ApprovalDecision(Guid ApprovalId, bool Approve)
{
    /// <summary>Reads the card's action data: {"approvalId": "…", "decision": "approve" | "reject"}.</summary>
    public static ApprovalDecision? TryRead(System.Text.Json.Nodes.JsonNode? value)
    {
        if (value is not System.Text.Json.Nodes.JsonObject data
            || data["approvalId"]?.GetValueKind() != System.Text.Json.JsonValueKind.String
            || !Guid.TryParse(data["approvalId"]!.GetValue<string>(), out var id))
        {
            return null;
        }
        return (data["decision"]?.GetValueKind() == System.Text.Json.JsonValueKind.String ? data["decision"]!.GetValue<string>() : null) switch
        {
            ApprovalCards.ApproveVerb => new ApprovalDecision(id, true),
            ApprovalCards.RejectVerb => new ApprovalDecision(id, false),
            _ => null,
        };
    }
}
