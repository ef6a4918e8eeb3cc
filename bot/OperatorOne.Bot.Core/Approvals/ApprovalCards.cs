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

    /// <summary>The card an approver sees, its times in <paramref name="zone"/> (the approver's; UTC when unknown).</summary>
    public static JsonObject Pending(ApprovalRequest request, string requesterName, TimeZoneInfo? zone = null) =>
        AdaptiveCard.Create(
            [
                AdaptiveCard.Heading($"Approval #{request.Number}: {ApprovalSummary.ForReader(request.Summary, zone)}"),
                AdaptiveCard.Facts(
                    ("Requested by", requesterName),
                    ("Action", ActionName(request.Tool)),
                    ("Expires", Format(request.ExpiresAt, zone))),
            ],
            [
                AdaptiveCard.Submit("Approve", Data(request, ApproveVerb), style: "positive"),
                AdaptiveCard.Submit("Reject", Data(request, RejectVerb), style: "destructive"),
            ]);

    public static JsonObject Decided(ApprovalRequest request, string requesterName, string deciderName, TimeZoneInfo? zone = null) =>
        AdaptiveCard.Create(
            [
                AdaptiveCard.Heading($"Approval #{request.Number}: {ApprovalSummary.ForReader(request.Summary, zone)}"),
                AdaptiveCard.Facts(
                    ("Requested by", requesterName),
                    ("Decision", $"{StatusWord(request.Status)} by {deciderName}"),
                    ("Decided at", Format(request.DecidedAt ?? request.CreatedAt, zone))),
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

    /// <summary>What people call the action: "delete_ticket" → "Delete ticket" (the heading's summary says which one).</summary>
    public static string ActionName(string tool)
    {
        var words = tool.Replace('_', ' ').Trim();
        return words.Length == 0 ? "Action" : char.ToUpperInvariant(words[0]) + words[1..];
    }

    /// <summary>"2026-12-07 15:00 UTC", or the reader's wall clock with its zone: "2026-12-07 16:00 Europe/Berlin".</summary>
    public static string Format(DateTimeOffset when, TimeZoneInfo? zone = null) =>
        zone is null || zone == TimeZoneInfo.Utc || zone.Id == "UTC"
            ? when.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)
            : $"{TimeZoneInfo.ConvertTime(when, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} {zone.Id}";
}
