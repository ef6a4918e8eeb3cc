using System.ComponentModel;
using OperatorOne.Bot.Core.Members;
using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Data;
using OperatorOne.Data.Members;
using static OperatorOne.Skills.Documents.DocumentPhrases;

namespace OperatorOne.Skills.Documents;

/// <summary>Full-text search over the documents the caller may read; answers with the best passages and links.</summary>
internal static class SearchDocuments
{
    private const int Results = 3;
    private const string Owner = "(?<owner>[a-z]+)['’]s ";

    /// <summary>Who wrote them, said after "from" or "by": a first name or a handle.</summary>
    private const string By = "@?(?<owner>[a-z][\\w.-]*)";
    private static readonly string Kind = $"(?<kind>{string.Join('|', Kinds.Where(k => !k.StartsWith("doc", StringComparison.Ordinal) && k is not "file" and not "pdf"))})";

    public static ToolDefinition Definition { get; } = new()
    {
        Name = "search_documents",
        Description = "Search the organization's documents (policies, guides, notes) and answer with the best passages and links",
        Tier = ToolTier.ReadOnly,
        MinimumRole = MemberRole.Viewer,
        Handler = RunAsync,
        Utterances =
        [
            // "search documents for vpn", "search the docs for refund policy tagged finance"
            // "search docs tagged onboarding for laptop setup", "search Leila's docs for expenses"
            Utterance.Of($"(please )?(search|look through|look in|check) (the |our |my |{Owner})?{Doc}( tagged #?(?<tag>[\\w-]+))?( for| about| on)? (?<query>.+?)( tagged #?(?<tag>[\\w-]+))?( (by|from|owned by) (?<owner>.+))?"),
            // "anything in Leila's documents about expense limits", "is there something in the docs on parking"
            Utterance.Of($"(is there |are there )?(anything|something|what(['’]?s| is)?( there)?) in (the |our |my |{Owner}){Doc} (about|on|regarding|mentioning) (?<query>.+)"),
            // "find documents about onboarding", "any docs on expenses", "documents tagged hr about leave"
            Utterance.Of($"((find|show|get|list|are there|any|look for|search for)( me)?( any| the| all)? )?{Doc} (about|on|mentioning|regarding|that mention) (?<query>.+?)( tagged #?(?<tag>[\\w-]+))?"),
            // "find guides about the label printer", "any policies on overtime": the kind asked for is which documents ("docs" is none).
            .. Kinds.Where(kind => !kind.StartsWith("doc", StringComparison.Ordinal) && kind is not "file" and not "pdf").Select(kind => Utterance.Of(
                $"(find|show|get|list|are there|any|look for|search for)( me)?( any| the| all)? {Plural(kind)} (about|on|mentioning|regarding|that mention) (?<query>.+)",
                new Dictionary<string, string> { ["kind"] = kind })),
            Utterance.Of($"((find|show|get|list)( me)?( any| the| all)? )?{Doc} tagged #?(?<tag>[\\w-]+) (about|on|mentioning|for) (?<query>.+)"),
            // "what does our refund policy say about damaged items", "what do the docs say about parking"
            Utterance.Of("what (does|do) (our |the |my )?(?<query>.+ says? (about|on|regarding) .+)"),
            // "what does the guide say about resetting the alarm panel": a bare kind is which documents, not what about.
            Utterance.Of($"what (does|do|did) (our |the |my ){Kind} says? (about|on|regarding) (?<query>.+)"),
            // "how do I set up the VPN according to our docs"
            Utterance.Of($"(?<query>.+?),? according to (our |the )?({Doc}|{Kind})"),
            .. Kinds.Select(kind => Utterance.Of(
                $"(please )?(find|look up|locate|where is|where's|wheres|i need|search for|look for)( me)? (the |our |a |an |my )?(?<query>.+?) {kind}s?",
                new Dictionary<string, string> { ["kind"] = kind })),
            // "look in the policies for anything on parental leave", "any guides from Ngozi on the returns process": the kind is which documents.
            .. Kinds.Select(kind => Utterance.Of(
                $"(please )?(search|look through|look in|check|go through) (the |our |my )?{Plural(kind)}( for)?( anything| something)?( about| on| regarding| for)? (?<query>.+)",
                new Dictionary<string, string> { ["kind"] = kind })),
            .. Kinds.Select(kind => Utterance.Of(
                $"((are|is) there |do we have |have we got )?(any|some|the)? ?{Plural(kind)} (from|by|owned by|written by) {By} (on|about|regarding|for|covering) (?<query>.+)",
                new Dictionary<string, string> { ["kind"] = kind })),
            Utterance.Of($"((are|is) there |do we have )?(any|some|the)? ?{Doc} (from|by|owned by|written by) {By} (on|about|regarding|for|covering) (?<query>.+)"),
            Utterance.Of($"(search|find) (a |the )?{Doc}"),
        ],
        Prompts = new Dictionary<string, string> { ["query"] = "What should I look for in the documents?" },
        HelpExample = "what does our refund policy say about damaged items",
    };

    public static async Task<ToolResult> RunAsync(
        OperatorOneDb db,
        Caller caller,
        CurrentOrganization organization,
        DocumentLinks links,
        [Description("What to look for, in the person's words, e.g. 'VPN setup guide' or 'refund policy damaged items'.")] string query,
        [Description("Only documents with this tag, if the person named one.")] string? tag = null,
        [Description("Only documents owned by this member (name or handle), if the person said so.")] string? owner = null,
        [Description("The kind of document named (guide, policy, handbook…), if any.")] string? kind = null,
        CancellationToken cancellationToken = default)
    {
        await DocumentRights.ActAsCallerAsync(db, caller, cancellationToken);
        var words = DocumentQuery.Clean(kind is null || kind is "document" or "doc" or "file" or "pdf" ? query : $"{query} {kind}");
        Guid? ownerId = null;
        if (!string.IsNullOrWhiteSpace(owner))
        {
            var named = await MemberNames.ResolveAsync(db, owner, caller.MemberId, cancellationToken, includeInactive: true);
            if (named.Member is null)
            {
                return ToolResult.Refused(named.Problem ?? "I couldn't find that member.");
            }
            ownerId = named.Member.Id;
        }
        var cleanTag = tag is null ? null : DocumentTags.One(tag);
        var hits = await DocumentSearch.SearchAsync(db, words, cleanTag, ownerId, Results, cancellationToken);
        if (hits.Count == 0)
        {
            return ToolResult.Refused($"I found no documents matching \"{words}\"{(cleanTag is null ? "" : $" tagged #{cleanTag}")} that you can see.");
        }
        var memberId = caller.MemberId ?? Guid.Empty;
        return new ToolResult(DocumentReplies.Hits(words, hits, id => links.For(id, organization.Id, memberId)))
        {
            Speak = $"The best match is {hits[0].Title}. I've put a link in the chat.",
        };
    }

    /// <summary>"policy" said as "policies", "guide" as "guides".</summary>
    private static string Plural(string kind) =>
        kind.EndsWith('y') ? $"{kind[..^1]}(y|ies)" : kind.EndsWith('s') ? kind : $"{kind}s?";
}
