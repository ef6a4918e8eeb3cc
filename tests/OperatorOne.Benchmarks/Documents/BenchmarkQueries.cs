namespace OperatorOne.Benchmarks.Documents;

internal sealed record BenchmarkQuery(string Text, string? Tag = null);

/// <summary>
/// What people ask the bot to find: common and rare words, multi-word phrases, tag filters, and a few that match
/// nothing with every word (so the any-word fallback runs too, as it does in chat).
/// </summary>
internal static class BenchmarkQueries
{
    private static readonly BenchmarkQuery[] All =
    [
        new("VPN troubleshooting guide"), new("laptop refresh"), new("expense receipts"), new("holiday calendar 2024"),
        new("performance reviews for team leads"), new("benefits enrollment"), new("remote work policy"), new("sick leave"),
        new("invoice approval threshold"), new("travel budget"), new("payroll calendar"), new("quarterly close checklist"),
        new("pricing tiers", "sales"), new("discount approval"), new("customer renewals report"), new("competitor analysis"),
        new("escalation matrix"), new("SLA targets"), new("warranty claims"), new("shipping delays customers"),
        new("NDA template"), new("GDPR compliance", "legal"), new("open source licenses"), new("litigation hold"),
        new("parking permits"), new("desk booking"), new("fire drill"), new("visitor badges"),
        new("release process"), new("on-call rotation", "engineering"), new("database migration plan"), new("postmortem"),
        new("webinar plan"), new("press release"), new("website redesign"), new("product launch overview"),
        new("refund policy damaged items"), new("who approves purchases above the threshold"), new("backup every night"),
        new("training recordings ninety days"), new("policy"), new("budget"), new("meeting notes", "hr"),
        new("data stored in the European region"), new("single sign-on rollout"), new("mobile device management FAQ"),
        new("onboarding handbook for new starters"), new("bike storage"), new("energy savings proposal"), new("quantum teleportation"),
    ];

    public static int Count => All.Length;

    public static BenchmarkQuery At(int index) => All[index % All.Length];
}
