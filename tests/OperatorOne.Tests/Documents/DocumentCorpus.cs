using System.Text;
using Npgsql;
using NpgsqlTypes;

namespace OperatorOne.Tests.Documents;

/// <summary>One generated document: an everyday company title, tags and a few paragraphs.</summary>
internal sealed record CorpusDocument(string Title, string[] Tags, string Text);

/// <summary>
/// A deterministic corpus of realistic company documents (policies, guides, notes and reports across departments)
/// and a COPY-based bulk load; shared by the search tests and the documents benchmark.
/// </summary>
internal static class DocumentCorpus
{
    private static readonly (string Department, string[] Subjects)[] Departments =
    [
        ("IT", ["laptop refresh", "VPN troubleshooting", "email migration", "software licensing", "backup schedule", "single sign-on rollout", "printer fleet", "network upgrade", "mobile device management", "help desk metrics"]),
        ("HR", ["performance reviews", "hiring process", "holiday calendar", "benefits enrollment", "remote work", "code of conduct", "training budget", "employee survey", "sick leave", "relocation support"]),
        ("Finance", ["budget forecast", "invoice approval", "vendor payments", "travel budget", "audit preparation", "payroll calendar", "tax filing", "cost centers", "purchase orders", "quarterly close"]),
        ("Sales", ["pipeline review", "pricing tiers", "discount approval", "territory plan", "customer renewals", "partner program", "demo script", "competitor analysis", "quota planning", "lead scoring"]),
        ("Support", ["escalation matrix", "ticket triage", "customer satisfaction", "macro library", "SLA targets", "knowledge base", "returns handling", "warranty claims", "shipping delays", "live chat staffing"]),
        ("Legal", ["contract review", "NDA template", "GDPR compliance", "trademark filing", "vendor agreements", "export controls", "litigation hold", "privacy notice", "open source licenses", "board minutes"]),
        ("Facilities", ["parking permits", "desk booking", "fire drill", "building access", "cleaning schedule", "meeting rooms", "office move", "visitor badges", "bike storage", "energy savings"]),
        ("Engineering", ["release process", "code review", "on-call rotation", "database migration", "API versioning", "load testing", "feature flags", "architecture decisions", "postmortem", "technical debt"]),
        ("Marketing", ["campaign calendar", "webinar plan", "social media", "newsletter", "event sponsorship", "SEO audit", "press release", "customer stories", "website redesign", "product launch"]),
    ];

    private static readonly string[] Kinds = ["Policy", "Guide", "Meeting Notes", "Report", "Checklist", "Plan", "FAQ", "Proposal", "Summary", "Overview"];

    private static readonly string[] Audiences = ["new starters", "team leads", "contractors", "the leadership team", "regional offices", "all staff", "customers", "partners"];

    private static readonly string[] Sentences =
    [
        "Questions go to the {0} channel, which is watched during business hours.",
        "The owners review this document every {1} months and record changes at the end.",
        "Submit requests by the {1}th business day of the month so they can be processed in time.",
        "Approval comes from a team lead; anything above the usual threshold also needs the department head.",
        "Keep copies of every receipt, contract and confirmation in the shared drive.",
        "Last quarter the team closed {2} items and reduced the backlog noticeably.",
        "Exceptions are possible but must be written down with a reason and a review date.",
        "The regional offices follow the same rules unless local law says otherwise.",
        "Training sessions run on Tuesdays and recordings are kept for ninety days.",
        "Metrics are reported in the monthly operations review together with the trend.",
        "Anyone who spots a mistake here should open a ticket rather than edit the page.",
        "Vendors are chosen through a short comparison of price, quality and support.",
        "The schedule shifts around public holidays; check the calendar before planning.",
        "Security reviews happen before anything new goes live to customers.",
        "Budgets are set once a year and adjusted at the mid-year checkpoint.",
        "The action items from the last meeting were assigned with owners and due dates.",
        "Customer feedback from surveys shaped most of the changes in this version.",
        "Everything described here applies to full-time staff and long-term contractors.",
        "A short summary is shared in the all-hands meeting after each revision.",
        "Data is stored in the European region and backed up every night.",
    ];

    public static IEnumerable<CorpusDocument> Generate(int count, int seed = 20261122)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var (department, subjects) = Departments[random.Next(Departments.Length)];
            var subject = subjects[random.Next(subjects.Length)];
            var kind = Kinds[random.Next(Kinds.Length)];
            var title = $"{department} {Capitalize(subject)} {kind} {2019 + random.Next(8)}" + (random.Next(3) == 0 ? $" v{1 + random.Next(5)}" : "");
            var audience = Audiences[random.Next(Audiences.Length)];
            var text = new StringBuilder()
                .Append($"This {kind.ToLowerInvariant()} explains how the {department} team handles {subject} for {audience}. ")
                .Append($"It describes who is responsible for {subject}, which steps to follow and where to ask for help. ");
            var sentences = 4 + random.Next(10);
            for (var s = 0; s < sentences; s++)
            {
                text.Append(string.Format(System.Globalization.CultureInfo.InvariantCulture, Sentences[random.Next(Sentences.Length)],
                    department.ToLowerInvariant() + "-help", 2 + random.Next(10), 10 + random.Next(200))).Append(' ');
            }
            text.Append($"For anything about {subject} that is not covered here, contact the {department} team.");
            var tags = new[] { department.ToLowerInvariant(), kind.ToLowerInvariant().Replace(' ', '-') };
            yield return new CorpusDocument(title, tags, text.ToString());
        }
    }

    /// <summary>Loads documents with binary COPY on a connection that may write every organization's rows (the migration role).</summary>
    public static async Task<int> BulkLoadAsync(
        string adminConnectionString, Guid organizationId, IReadOnlyList<Guid> owners, IEnumerable<CorpusDocument> documents, string visibility = "Organization")
    {
        await using var connection = new NpgsqlConnection(adminConnectionString);
        await connection.OpenAsync();
        await using var writer = await connection.BeginBinaryImportAsync(
            "COPY documents (id, organization_id, title, owner_id, tags, visibility, file_name, content_type, size_bytes, text, created_at, updated_at) FROM STDIN (FORMAT BINARY)");
        var now = DateTime.UtcNow;
        var count = 0;
        foreach (var document in documents)
        {
            await writer.StartRowAsync();
            await writer.WriteAsync(Guid.NewGuid(), NpgsqlDbType.Uuid);
            await writer.WriteAsync(organizationId, NpgsqlDbType.Uuid);
            await writer.WriteAsync(document.Title, NpgsqlDbType.Varchar);
            await writer.WriteAsync(owners[count % owners.Count], NpgsqlDbType.Uuid);
            await writer.WriteAsync(document.Tags, NpgsqlDbType.Array | NpgsqlDbType.Text);
            await writer.WriteAsync(visibility, NpgsqlDbType.Varchar);
            await writer.WriteAsync(document.Title.Replace(' ', '-').ToLowerInvariant() + ".md", NpgsqlDbType.Varchar);
            await writer.WriteAsync("text/markdown", NpgsqlDbType.Varchar);
            await writer.WriteAsync((long)Encoding.UTF8.GetByteCount(document.Text), NpgsqlDbType.Bigint);
            await writer.WriteAsync(document.Text, NpgsqlDbType.Text);
            await writer.WriteAsync(now.AddMinutes(-count), NpgsqlDbType.TimestampTz);
            await writer.WriteAsync(now.AddMinutes(-count), NpgsqlDbType.TimestampTz);
            count++;
        }
        await writer.CompleteAsync();
        return count;
    }

    private static string Capitalize(string text) =>
        string.Join(' ', text.Split(' ').Select(w => w.Length > 0 && char.IsLower(w[0]) ? char.ToUpperInvariant(w[0]) + w[1..] : w));
}
