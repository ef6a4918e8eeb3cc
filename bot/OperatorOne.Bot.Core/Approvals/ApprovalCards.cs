using System.Globalization;
using System.Text.Json.Nodes;
using OperatorOne.Bot.Core.Cards;
using OperatorOne.Data.Approvals;

namespace OperatorOne.Bot.Core.Approvals;

/// <summary>The approval card before and after the decision. Channel-free: Action.Submit with the request id and decision.</summary>
public static class ApprovalCards
{
    public const string ApproveVerb = "approve";
    public const string RejectVerb = "reject";

    public static JsonObject Pending(ApprovalRequest request, string requesterName) =>
        AdaptiveCard.Create(
            [
                AdaptiveCard.Heading($"Approval #{request.Number}: {request.Summary}"),
                AdaptiveCard.Facts(
                    ("Requested by", requesterName),
                    ("Tool", request.Tool),
                    ("Expires", Format(request.ExpiresAt))),
            ],
            [
                AdaptiveCard.Submit("Approve", Data(request, ApproveVerb), style: "positive"),
                AdaptiveCard.Submit("Reject", Data(request, RejectVerb), style: "destructive"),
            ]);

    public static JsonObject Decided(ApprovalRequest request, string requesterName, string deciderName) =>
        AdaptiveCard.Create(
            [
                AdaptiveCard.Heading($"Approval #{request.Number}: {request.Summary}"),
                AdaptiveCard.Facts(
                    ("Requested by", requesterName),
                    ("Decision", $"{StatusWord(request.Status)} by {deciderName}"),
                    ("Decided at", Format(request.DecidedAt ?? request.CreatedAt))),
                AdaptiveCard.Text(request.Outcome ?? "", subtle: true),
            ],
            []);

    public static string StatusWord(ApprovalStatus status) => status switch
    {
        ApprovalStatus.Executed or ApprovalStatus.Approved => "Approved",
        ApprovalStatus.Failed => "Approved (but it failed)",
        ApprovalStatus.Rejected => "Rejected",
        ApprovalStatus.Expired => "Expired",
        _ => "Pending",
    };

    private static JsonObject Data(ApprovalRequest request, string decision) => new()
    {
        ["approvalId"] = request.Id.ToString(),
        ["decision"] = decision,
    };

    private static string Format(DateTimeOffset when) => when.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
