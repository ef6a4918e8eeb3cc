using System.ComponentModel;
using Microsoft.EntityFrameworkCore;
using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Data;
using OperatorOne.Data.Members;
using static OperatorOne.Skills.Documents.DocumentPhrases;

namespace OperatorOne.Skills.Documents;

/// <summary>Adds tags to a document (owner or admin); tags are searchable and filterable.</summary>
internal static class TagDocument
{
    public static ToolDefinition Definition { get; } = new()
    {
        Name = "tag_document",
        Description = "Add one or more tags to a document",
        Tier = ToolTier.SafeWrite,
        MinimumRole = MemberRole.Member,
        Handler = RunAsync,
        Utterances =
        [
            // "tag the VPN setup guide as it", "tag document expense policy with finance, hr"
            Utterance.Of($"(please )?tag {Named} (as|with)( the)?( tags?)? #?(?<tag>.+)"),
            // "tag Pricing_2026_v3.xlsx: sales, confidential"
            Utterance.Of($"(please )?tag {Named}(: ?| [\\-–] )#?(?<tag>.+)"),
            // "add the tag finance to the expense policy", "add tags hr, policy to doc leave policy"
            Utterance.Of($"(please )?add (the )?tags? #?(?<tag>.+?) to {Named}"),
            // "label the expense policy finance"
            // "label onboarding-checklist.pdf with the tag 'it'"
            Utterance.Of($"(please )?label {Named} (as|with)( the)?( tags?| labels?)? #?(?<tag>.+)"),
            Utterance.Of($"tag (a|the) {Doc}"),
        ],
        Prompts = new Dictionary<string, string>
        {
            ["document"] = "Which document? Tell me its title.",
            ["tag"] = "Which tag should I add?",
        },
        HelpExample = "tag the VPN setup guide as it",
    };

    public static async Task<ToolResult> RunAsync(
        OperatorOneDb db,
        Caller caller,
        TimeProvider clock,
        [Description("The document's title or file name.")] string document,
        [Description("The tag or tags to add, comma-separated.")] string tag,
        CancellationToken cancellationToken = default)
    {
        await DocumentRights.ActAsCallerAsync(db, caller, cancellationToken);
        var (found, problem) = await DocumentMatch.FindAsync(db, document, "document", cancellationToken);
        if (found is null)
        {
            return problem ?? ToolResult.Refused("I couldn't find that document.");
        }
        if (!DocumentRights.MayChange(found, caller))
        {
            return DocumentRights.NotYours(found);
        }
        var added = DocumentTags.Normalize(tag.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries).Where(t => t is not ("and" or "&")));
        if (added.Count == 0)
        {
            return ToolResult.Refused("Which tag should I add?");
        }
        var tags = DocumentTags.Normalize(found.Tags.Concat(added));
        var now = clock.GetUtcNow();
        await db.Documents.Where(d => d.Id == found.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Tags, tags).SetProperty(d => d.UpdatedAt, now), cancellationToken);
        return new ToolResult($"Tagged \"{found.Title}\": {string.Join(' ', tags.Select(t => "#" + t))}.");
    }
}
