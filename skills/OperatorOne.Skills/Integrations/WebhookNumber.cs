using Microsoft.EntityFrameworkCore;
using OperatorOne.Data;
using OperatorOne.Data.Integrations;

namespace OperatorOne.Skills.Integrations;

/// <summary>"webhook 2": a subscription by its number in the organization.</summary>
internal static class WebhookNumber
{
    public static Task<WebhookSubscription?> FindAsync(OperatorOneDb db, int number, CancellationToken cancellationToken) =>
        db.WebhookSubscriptions.SingleOrDefaultAsync(s => s.Number == number, cancellationToken);

    public static string NotFound(int number) => $"There is no webhook {number}. Say 'list integrations' to see them.";
}
