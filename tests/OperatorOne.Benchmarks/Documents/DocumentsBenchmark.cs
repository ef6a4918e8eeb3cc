using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using OperatorOne.Data;
using OperatorOne.Data.Embedded;
using OperatorOne.Data.Members;
using OperatorOne.Data.Organizations;
using OperatorOne.Data.Tenancy;
using OperatorOne.Skills.Documents;
using OperatorOne.Tests.Documents;

namespace OperatorOne.Benchmarks.Documents;

/// <summary>
/// Search latency over a large corpus: a fresh organization gets the generated documents by binary COPY, then the
/// search_documents query (DocumentSearch, three results as the tool asks) runs for one member under row-level
/// security, as in a turn. The organization is removed afterwards so repeated runs measure the same corpus size.
/// </summary>
internal static class DocumentsBenchmark
{
    private const int WarmUp = 25;
    private const int Results = 3;

    public static async Task<int> RunAsync(BenchmarkArguments arguments, TextWriter output, CancellationToken cancellationToken)
    {
        EmbeddedPostgres? embedded = null;
        try
        {
            var (owner, runtime) = await ConnectionsAsync(arguments, server => embedded = server, cancellationToken);
            if (owner == runtime)
            {
                output.WriteLine("note: one connection for loading and searching; an owner or superuser login bypasses row-level security.");
            }
            await using (var db = Context(owner))
            {
                await db.Database.MigrateAsync(cancellationToken);
            }
            var (organizationId, members) = await CreateOrganizationAsync(owner, cancellationToken);
            try
            {
                var load = Stopwatch.StartNew();
                var loaded = await DocumentCorpus.BulkLoadAsync(owner, organizationId, members, DocumentCorpus.Generate(arguments.Count));
                await ExecuteAsync(owner, "ANALYZE documents", cancellationToken);
                output.WriteLine(Invariant($"loaded {loaded:N0} documents by COPY in {load.Elapsed.TotalSeconds:F1} s"));
                await MeasureAsync(runtime, organizationId, members[^1], arguments.Queries, output, cancellationToken);
            }
            finally
            {
                if (arguments.Keep)
                {
                    output.WriteLine(Invariant($"kept organization {organizationId}; searching member {members[^1]}"));
                }
                else
                {
                    await RemoveAsync(owner, organizationId);
                }
            }
            return 0;
        }
        finally
        {
            if (embedded is not null)
            {
                await embedded.DisposeAsync();
            }
        }
    }

    private static Task RemoveAsync(string owner, Guid organizationId) =>
        ExecuteAsync(owner, $"""
            DELETE FROM documents WHERE organization_id = '{organizationId}';
            DELETE FROM members WHERE organization_id = '{organizationId}';
            DELETE FROM organizations WHERE id = '{organizationId}';
            """, CancellationToken.None);

    private static async Task MeasureAsync(
        string runtime, Guid organizationId, Guid memberId, int queries, TextWriter output, CancellationToken cancellationToken)
    {
        await using var db = Context(runtime);
        await db.UseOrganizationAsync(organizationId, cancellationToken);
        await db.UseMemberAsync(memberId, cancellationToken);
        var visible = await db.Documents.CountAsync(cancellationToken);
        for (var i = 0; i < WarmUp; i++)
        {
            await SearchAsync(db, BenchmarkQueries.At(i), cancellationToken);
        }
        var latencies = new List<double>(queries);
        var empty = 0;
        for (var i = 0; i < queries; i++)
        {
            var watch = Stopwatch.StartNew();
            var hits = await SearchAsync(db, BenchmarkQueries.At(i), cancellationToken);
            latencies.Add(watch.Elapsed.TotalMilliseconds);
            empty += hits == 0 ? 1 : 0;
        }
        latencies.Sort();
        output.WriteLine(Invariant($"corpus: {visible:N0} documents visible to the searching member (row-level security on)"));
        output.WriteLine(Invariant($"queries: {queries} after {WarmUp} warm-up, {BenchmarkQueries.Count} distinct, {queries - empty} with hits, top {Results} each"));
        output.WriteLine(Invariant(
            $"latency ms: p50 {Percentile(latencies, 50):F1}  p95 {Percentile(latencies, 95):F1}  p99 {Percentile(latencies, 99):F1}  max {latencies[^1]:F1}  mean {latencies.Average():F1}"));
    }

    private static async Task<int> SearchAsync(OperatorOneDb db, BenchmarkQuery query, CancellationToken cancellationToken) =>
        (await DocumentSearch.SearchAsync(db, DocumentQuery.Clean(query.Text), query.Tag, null, Results, cancellationToken)).Count;

    // Nearest rank: the smallest latency with at least p% of the samples at or below it.
    private static double Percentile(List<double> sorted, int p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];

    private static async Task<(string Owner, string Runtime)> ConnectionsAsync(
        BenchmarkArguments arguments, Action<EmbeddedPostgres> started, CancellationToken cancellationToken)
    {
        if (arguments.Connection is { } owner)
        {
            return (owner, arguments.RuntimeConnection ?? owner);
        }
        var server = await EmbeddedPostgres.StartAsync(arguments.DataDirectory, durable: false, cancellationToken);
        started(server);
        const string database = "operatorone";
        await server.EnsureDatabaseAsync(database, cancellationToken);
        return (server.AdminConnectionString(database), server.RuntimeConnectionString(database));
    }

    private static async Task<(Guid Id, Guid[] Members)> CreateOrganizationAsync(string owner, CancellationToken cancellationToken)
    {
        await using var db = Context(owner);
        var now = DateTimeOffset.UtcNow;
        var id = Guid.NewGuid();
        db.Organizations.Add(new Organization { Id = id, Name = $"Benchmark {now:yyyy-MM-dd HH:mm}", BusinessContext = "A benchmark company.", CreatedAt = now });
        var members = new[] { ("Olivia Owner", "owner", MemberRole.Owner), ("Ada Admin", "admin", MemberRole.Admin), ("Mia Member", "member", MemberRole.Member) }
            .Select(m => new Member { Id = Guid.NewGuid(), OrganizationId = id, DisplayName = m.Item1, Handle = m.Item2, Role = m.Item3, CreatedAt = now })
            .ToArray();
        db.Members.AddRange(members);
        await db.SaveChangesAsync(cancellationToken);
        return (id, [.. members.Select(m => m.Id)]);
    }

    private static OperatorOneDb Context(string connectionString) =>
        new(new DbContextOptionsBuilder<OperatorOneDb>().UseNpgsql(connectionString).AddInterceptors(OrganizationConnectionInterceptor.Instance).Options,
            new OrganizationScope());

    private static async Task ExecuteAsync(string connectionString, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 300 };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
