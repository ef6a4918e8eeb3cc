using System.ComponentModel;
using Microsoft.Extensions.Options;
using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Data;
using OperatorOne.Data.Members;
using static OperatorOne.Skills.Documents.DocumentPhrases;

namespace OperatorOne.Skills.Documents;

/// <summary>Gives a signed, expiring download link to one document the caller may read.</summary>
internal static class OpenDocument
{
    /// <summary>"send me my calendar as a file" exports a calendar; no document is named.</summary>
    private const string NoCalendar = "(?!.*\\b(calendar|ics|invite)\\b)";

    /// <summary>"please", "can I", "I want to", "I'd like to": asking for a document before naming what to do with it.</summary>
    private const string Wants = "(please |can i |could i |can you |could you |i (want|need) to |i['’]?d like to )?";

    public static ToolDefinition Definition { get; } = new()
    {
        Name = "open_document",
        Description = "Show or open one document: a download link that only works for the caller and expires",
        Tier = ToolTier.ReadOnly,
        MinimumRole = MemberRole.Viewer,
        Handler = RunAsync,
        Utterances =
        [
            // "open the document VPN setup guide", "send me the file expense policy", "download doc onboarding checklist"
            Utterance.Of($"(please )?(open|show|view|download|send|give|get|share)( me)?( a link to| the link to| a link for)? (the |my |our )?{Doc} (called |named |titled )?(?<document>.+)"),
            // "open VPN setup guide document", "download the expense policy pdf"
            Utterance.Of($"(please )?(open|download|send me|give me|get me)( a link to| the link to)? (the |my |our )?{NoCalendar}(?<document>.+?) {Doc}"),
            // "pull up the expense policy", "open the employee handbook", "show me the fire safety procedure doc": one document
            // named with "the" and the kind it is ("find the VPN guide" searches).
            Utterance.Of($"{Wants}(open|pull up|bring up|show me|view|get me|send me|give me|get|have|read) (the|our|my) {NoCalendar}(?<document>.+? ({string.Join('|', Kinds)}))( {Doc})?( please| pls)?"),
            // "show me 'Holiday Rota 2026'": a name in quotes is a document's own name, whatever its words.
            Utterance.Of($"{Wants}(open|pull up|bring up|show me|view|get me|send me|give me|get|have|read) [\"“‘']{NoCalendar}(?<document>[^\"”’']+)[\"”’']( please| pls)?"),
            // "link to the expense policy", "give me a link to the VPN setup guide"
            Utterance.Of($"((give|send|get) me )?(a |the )?(download )?link (to|for) {NoCalendar}(the |our |my )?(?<document>.+)"),
            // "pull up Pricing_2026_v3.xlsx": a file name says it is one document.
            Utterance.Of("(please )?(open|pull up|bring up|show me|show|get me|send me|give me|download|grab) (the )?(?<document>[\\w\\-. ]+\\.(pdf|docx?|xlsx?|pptx?|csv|txt|md|odt|ods))"),
            Utterance.Of($"(open|show|download) (a|the) {Doc}"),
            // "download the Fire Evacuation Plan for me": a title alone, unless it names another tool's thing.
            Utterance.Of("(please )?(open|download)( up)? (the |our |my )(?!.*\\b(tickets?|tix|deals?|leads?|contacts?|events?|meetings?|calendars?|schedule|approvals?|requests?|webhooks?|teams?|tools?|accounts?|orders?)\\b)(?<document>.+?)( for me)?( please)?"),
        ],
        Prompts = new Dictionary<string, string> { ["document"] = "Which document? Tell me its title." },
        HelpExample = "open the document VPN setup guide",
    };

    public static async Task<ToolResult> RunAsync(
        OperatorOneDb db,
        Caller caller,
        CurrentOrganization organization,
        DocumentLinks links,
        IOptions<DocumentsOptions> options,
        [Description("The document's title or file name.")] string document,
        CancellationToken cancellationToken = default)
    {
        await DocumentRights.ActAsCallerAsync(db, caller, cancellationToken);
        var (found, problem) = await DocumentMatch.FindAsync(db, document, "document", cancellationToken);
        if (found is null)
        {
            return problem ?? ToolResult.Refused("I couldn't find that document.");
        }
        var minutes = options.Value.LinkMinutes;
        var link = links.For(found.Id, organization.Id, caller.MemberId ?? Guid.Empty);
        return new ToolResult($"Here is {DocumentReplies.Link(found.Title, link)} ({found.FileName}). The link is yours alone and works for {minutes} minutes.")
        {
            Speak = $"I've put a link to {found.Title} in the chat.",
        };
    }
}
