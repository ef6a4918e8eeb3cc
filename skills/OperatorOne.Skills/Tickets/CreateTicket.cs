using System.ComponentModel;
using Microsoft.EntityFrameworkCore;
using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Bot.Core.Webhooks;
using OperatorOne.Data;
using OperatorOne.Data.Members;
using OperatorOne.Data.Tickets;
using static OperatorOne.Skills.Tickets.TicketPhrases;

namespace OperatorOne.Skills.Tickets;

/// <summary>Opens a ticket; guests may too, so a phone caller can report a problem before anyone knows them.</summary>
internal static class CreateTicket
{
    /// <summary>"…: printer jammed", "… about VPN, high priority", "… for broken monitor", or nothing (then we ask).</summary>
    private const string Details =
        $"(({Colon}| (about|for|regarding|re:?|on|saying|that) )(?<title>.+?))?{Tail}";

    /// <summary>
    /// How urgent and what kind, said after the problem in any order: ", high priority", ", priority high", " make it urgent",
    /// ", category network"; without them the title would swallow the attributes.
    /// </summary>
    private const string Tail = $"({Urgency})?(, categor(y|ies):? {Category})?({Urgency})?";

    private const string Urgency = $",? (with |at )?{Priority} priority|,? (priority|prio):? {Priority}|,? (make|mark|set) (it|this)( as| to)? {Priority}|(,| -) {Priority}";

    /// <summary>Words after "ticket" that begin something other than the problem.</summary>
    private const string NotATitle = "for|about|on|to|is|was|in|with|and|or|that|which|it|its|this|categor(y|ies)|queue|status|priority|number|no|#|please|pls|now";

    // Any one word: categories are the organization's own, and listing some here would make them command words.
    private const string Category = "(?!(a|an|the|new|another|support|helpdesk|help|priority|prio|ticket|low|normal|high|urgent)\\b)(?<category>[a-z]+)";

    /// <summary>How urgent or what kind, said before the problem: "Low priority, no rush: …", "network issue: …".</summary>
    private const string Lead = $"(({Priority}( priority)?|{Category} (issue|problem|question))((,? [^:,.!]+)?{Colon}|[!.,]+ ))?";

    /// <summary>"title: Excel macros blocked, details: since the update …": a form typed into chat.</summary>
    private const string Form = $"(title|subject){Colon}(?<title>.+?)[,.;]? (details|description|desc|body|more info|info){Colon}(?<description>.+)";

    // A problem told before the ask never starts with the ask nor names the ticket ("open a ticket the lift is stuck, can someone look"), and
    // ends at its sentence's stop; a title needs no "the", but "my monitor" says whose.
    private const string Problem = "(the )?(?<title>(?!(please |can you |could you )?((open|create|raise|log|file|submit|make|start|add)( |$)|new (ticket|tix|one)\\b))((?!\\b(tickets?|tix)\\b).)+?)";

    public static ToolDefinition Definition { get; } = new()
    {
        Name = "create_ticket",
        Description = "Open a support ticket",
        Tier = ToolTier.SafeWrite,
        MinimumRole = MemberRole.Member,
        AllowGuests = true,
        Handler = RunAsync,
        Utterances =
        [
            // "open a ticket: …", "log an urgent ticket: …", "please raise a new high priority ticket about …"
            Utterance.Of($"(please |pls |can you |could you )?(open|create|raise|log|file|submit|make|start|add)( me)?( an?| another)?( new)?( {Priority}( priority| prio)?)?( {Category})?( support| helpdesk| help desk)? (ticket|tix){Details}"),
            // "open a ticket printer in accounts keeps jamming": the problem said straight after "ticket", with no colon or "about";
            // never a number ("open ticket 12") or a word that begins something else ("… ticket category", "… ticket for …").
            Utterance.Of($"((please |can you |could you )?(open|create|raise|log|file|submit|make)( me)?( an?| another| new)*|new) ticket (?!(#|number |no\\.? )?\\d)(?!({NotATitle})\\b)(?<title>[^ ]+( [^ ]+)*? [^ ,]+){Tail}"),
            // "Sipho's dock doesn't charge, log it as hardware": the problem first, then where it belongs.
            Utterance.Of($"{Lead}{Problem}[,.!]? (please |can you |could you )?(log|file|put|raise|mark) (it|this) (as|under) (an? )?({Priority}( priority)?|{Category})( ticket| issue)?( please| pls)?"),
            // "the label printer prints blank labels can someone look at it", "…, could you raise a ticket for it"
            Utterance.Of($"{Lead}{Problem}[,.!]? (can|could|would) (someone|somebody|anyone|you|u) (please |pls )?(look at|have a look at|check|fix) (it|this|that)( please| pls)?"),
            Utterance.Of($"{Lead}{Problem}[,.!]? (can|could|would) (someone|somebody|you|u) (please |pls )?(open|raise|log|create|file) (a|an) ticket( for (it|this|that))?( please| pls)?"),
            // "the shared drive S: is showing as disconnected, raise a ticket please", "network issue: VPN drops. ticket pls";
            // the ask follows the problem's stop, so "show every open ticket" is no problem told.
            Utterance.Of($"{Lead}{Problem}[,.!;] ((please |pls )?(open|raise|log|create|file|make|start|submit)( me)? (a |an )?(new )?)?(support )?(ticket|tix)( for (it|this|that))?( please| pls| thanks| asap)?"),
            Utterance.Of($"(please |can you |could you )?((open|create|raise|log|file|submit|make|start|add|new)( me)?( an?| another)?( new)? )?(ticket|tix)( please| pls)?({Colon}|,? ){Form}"),
            // "ticket: printer jammed"
            Utterance.Of($"ticket{Colon}(?<title>.+?)(,? {Priority} priority)?"),
            // "new ticket about VPN, high priority"
            Utterance.Of($"(an? )?(new|another)( {Priority}( priority)?)? ticket{Details}"),
            // A caller on the phone: "I want to report a problem with the printer".
            Utterance.Of($"(i (need|want) to |i'?d like to )?(report|raise|log) (an? )?(problem|issue|fault|incident)(({Colon}| with | about | regarding )(?<title>.+?))?(,? {Priority} priority)?"),
        ],
        Prompts = new Dictionary<string, string> { ["title"] = "What's the problem? Give me a short title." },
        HelpExample = "open a ticket: printer on floor 2 is jammed",
    };

    public static async Task<ToolResult> RunAsync(
        OperatorOneDb db,
        Caller caller,
        CurrentOrganization organization,
        ToolCallOrigin origin,
        TimeProvider clock,
        ITicketLifecycle lifecycle,
        [Description("A short title for the problem, e.g. 'Printer on floor 2 is jammed'.")] string title,
        [Description("More detail, if the person gave any.")] string? description = null,
        [Description("How urgent it is; normal unless the person says otherwise.")] TicketPriority priority = TicketPriority.Normal,
        [Description("A category such as hardware, software, network or access, if obvious.")] string? category = null,
        CancellationToken cancellationToken = default)
    {
        var cleanTitle = TicketText.Title(title);
        if (cleanTitle.Length == 0)
        {
            return ToolResult.Refused("A ticket needs a title. What's the problem?");
        }
        var ticket = new Ticket
        {
            Id = Guid.NewGuid(),
            OrganizationId = organization.Id,
            Number = await NextNumberAsync(db, organization.Id, cancellationToken),
            Title = cleanTitle,
            // A title cut to fit keeps its full wording in the description.
            Description = description?.Trim() is { Length: > 0 } text ? text : cleanTitle.EndsWith('…') ? title.Trim() : "",
            Priority = priority,
            Category = string.IsNullOrWhiteSpace(category) ? null : category.Trim().ToLowerInvariant(),
            RequesterId = caller.MemberId,
            GuestContact = caller.IsGuest ? caller.ChannelUserId : null,
            RequesterConversationId = origin.ConversationId,
            CreatedAt = clock.GetUtcNow(),
            UpdatedAt = clock.GetUtcNow(),
        };
        db.Tickets.Add(ticket);
        var intake = await lifecycle.OpenedAsync(db, ticket, NaturalDates.Zone(caller.TimeZone), cancellationToken);
        await IntegrationEvents.TicketAsync(db, caller, clock.GetUtcNow(), WebhookEvents.TicketCreated, ticket, "created", cancellationToken);
        await db.SaveChangesAsync(cancellationToken);

        var view = new TicketView(ticket, caller.DisplayName, null, []);
        return new ToolResult($"Opened ticket #{ticket.Number}: {ticket.Title} ({TicketText.Word(ticket.Priority)} priority).{intake}")
        {
            Card = TicketCards.Ticket(view, NaturalDates.Zone(caller.TimeZone)),
            Speak = $"I've opened ticket number {ticket.Number}: {ticket.Title}. Please keep that number for reference.",
        };
    }

    /// <summary>
    /// Numbers come from the organization's own sequence (op_next_number): unique across replicas, and no lock held to
    /// the commit, so turns of one organization opening tickets run side by side. A rolled-back turn's number is skipped.
    /// </summary>
    private static async Task<int> NextNumberAsync(OperatorOneDb db, Guid organizationId, CancellationToken cancellationToken) =>
        await db.Database
            .SqlQuery<int>($"SELECT op_next_number('ticket', {organizationId}) AS \"Value\"")
            .AsAsyncEnumerable().FirstAsync(cancellationToken);
}
