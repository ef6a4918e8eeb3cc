using System.Text;
using OperatorOne.Data;
using OperatorOne.Data.Documents;
using OperatorOne.Skills.Documents;

namespace OperatorOne.Bot.Hosting.Demo;

/// <summary>
/// A VPN setup guide (Mia's, shared with everyone), a refund policy (Olivia's, shared) and an expense policy (Mia's, still
/// private), stored the way an upload is, so search, open, tag and share find them.
/// </summary>
internal static class DemoDocuments
{
    private const long Limit = 1024 * 1024;

    private static readonly (string File, string Title, string Owner, DocumentVisibility Visibility, string Text)[] Documents =
    [
        ("vpn-setup-guide.md", "VPN setup guide", "member", DocumentVisibility.Organization,
            "# VPN setup guide\n\n1. Install the VPN client from the software portal.\n2. Sign in with your work email.\n" +
            "3. Choose the Office gateway and connect.\n\nIf the VPN drops every hour, update the client and open a ticket with the IT queue."),
        ("refund-policy.md", "Refund policy", "owner", DocumentVisibility.Organization,
            "# Refund policy\n\nCustomers may return unopened items within 30 days for a full refund.\n\n" +
            "Damaged items: report damage within 7 days of delivery with a photo; we replace the item or refund it in full, " +
            "including shipping. Opened items that are not damaged get store credit."),
        ("expense-policy.md", "Expense policy", "member", DocumentVisibility.Private,
            "# Expense policy (draft)\n\nMeals while travelling: up to 40 EUR a day. Taxis only after 9pm or with luggage. " +
            "Submit receipts within 30 days."),
    ];

    public static async Task AddAsync(OperatorOneDb db, DemoTenant tenant, DemoPeople people, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var (file, title, owner, visibility, text) in Documents)
        {
            // Document visibility is row-level security: a private document is written as its owner.
            await db.UseMemberAsync(people[owner], cancellationToken);
            var request = new UploadRequest
            {
                OrganizationId = tenant.OrganizationId,
                OwnerId = people[owner],
                FileName = file,
                ContentType = "text/markdown",
                Bytes = Encoding.UTF8.GetBytes(text),
                Title = title,
                Visibility = visibility,
            };
            var outcome = await DocumentUpload.SaveAsync(db, request, Limit, now.AddDays(-7), cancellationToken);
            if (outcome.Document is null)
            {
                throw new InvalidOperationException($"The demo document {file} was refused: {outcome.Problem}");
            }
        }
        await db.UseMemberAsync(null, cancellationToken);
    }
}
