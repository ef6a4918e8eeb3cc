using System.Text.Json.Nodes;
using OperatorOne.Data;
using OperatorOne.Data.Approvals;
using OperatorOne.Data.Members;

namespace OperatorOne.Bot.Hosting.Demo;

/// <summary>One request waiting for an admin (Mia asks to delete ticket 3), so "pending approvals" and "approve 1" have something to show.</summary>
internal static class DemoApprovals
{
    public static void Add(OperatorOneDb db, DemoTenant tenant, DemoPeople people, DateTimeOffset now)
    {
        db.ApprovalRequests.Add(new ApprovalRequest
        {
            Id = Guid.NewGuid(),
            OrganizationId = tenant.OrganizationId,
            Number = 1,
            Tool = "delete_ticket",
            Arguments = new JsonObject { ["number"] = 3 }.ToJsonString(),
            Summary = "Delete ticket #3 (Old monitor flickers)",
            RequestedById = people["member"],
            RequiredRole = MemberRole.Admin,
            Status = ApprovalStatus.Pending,
            CreatedAt = now.AddHours(-1),
            ExpiresAt = now.AddHours(23),
        });
    }
}
