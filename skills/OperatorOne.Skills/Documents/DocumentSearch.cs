using Microsoft.EntityFrameworkCore;
using OperatorOne.Data;

namespace OperatorOne.Skills.Documents;

/// <summary>
/// Full-text search over the stored tsvector: websearch_to_tsquery, ranked by ts_rank_cd, passages by ts_headline
/// (only for the rows returned, marking any query word: the title may hold the rest). Every word must match first;
/// when nothing does, any word may. Two steps keep it fast at 100,000 documents: <c>op_document_candidates</c>
/// matches through the GIN indexes (row-level security would forbid that: <c>@@</c> is not leakproof) under the same
/// tenant and visibility rules, in bounded probes that look at titles and tags first; only those candidates are ranked
/// on the full text, read by id under row-level security, which still decides what the caller may see.
/// </summary>
internal static class DocumentSearch
{
    /// <summary>Per probe (every word in the title; some in the title and all in the text; all anywhere): at most three
    /// times this many documents are ranked on their full text, however many match.</summary>
    public const int Candidates = 100;

    private const string Headline = "MaxFragments=2, MinWords=8, MaxWords=30, FragmentDelimiter=\" … \", StartSel=**, StopSel=**";

    public static async Task<List<DocumentHit>> SearchAsync(
        OperatorOneDb db, string query, string? tag, Guid? ownerId, int limit, CancellationToken cancellationToken)
    {
        var hits = await RunAsync(db, query, tag, ownerId, limit, loose: false, cancellationToken);
        return hits.Count > 0 ? hits : await RunAsync(db, query, tag, ownerId, limit, loose: true, cancellationToken);
    }

    private static async Task<List<DocumentHit>> RunAsync(
        OperatorOneDb db, string query, string? tag, Guid? ownerId, int limit, bool loose, CancellationToken cancellationToken) =>
        await db.Database.SqlQuery<DocumentHit>($"""
            WITH q AS MATERIALIZED (
              SELECT CASE WHEN {loose} THEN replace(websearch_to_tsquery('english', {query})::text, ' & ', ' | ')::tsquery
                          ELSE websearch_to_tsquery('english', {query}) END AS query,
                     replace(websearch_to_tsquery('english', {query})::text, ' & ', ' | ')::tsquery AS words),
            hits AS (
              SELECT d.id, d.title, d.tags, d.owner_id, d.visibility, d.text, d.updated_at,
                     ts_rank_cd(d.search_vector, q.query) AS rank
                FROM documents d CROSS JOIN q
               WHERE d.id = ANY (ARRAY(SELECT op_document_candidates(q.query, q.words, {tag}::text, {ownerId}::uuid, {Candidates}) FROM q))
               ORDER BY rank DESC, d.updated_at DESC
               LIMIT {limit})
            SELECT h.id AS "Id", h.title AS "Title", h.tags AS "Tags", m.display_name AS "Owner", h.visibility AS "Visibility",
                   h.rank AS "Rank", ts_headline('english', h.text, q.words, {Headline}) AS "Snippet"
              FROM hits h CROSS JOIN q JOIN members m ON m.id = h.owner_id
             ORDER BY h.rank DESC, h.updated_at DESC
            """).ToListAsync(cancellationToken);
}
