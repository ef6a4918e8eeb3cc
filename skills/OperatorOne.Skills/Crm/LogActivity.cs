using System.ComponentModel;
using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Data;
using OperatorOne.Data.Crm;
using OperatorOne.Data.Members;
using static OperatorOne.Skills.Crm.CrmPhrases;

namespace OperatorOne.Skills.Crm;

/// <summary>Logs a call, email, meeting or note against a contact (and their company), a company, a lead or a deal.</summary>
internal static class LogActivity
{
    private const string Kind = "(?<kind>call|email|meeting|note)";

    /// <summary>Verbs that say what kind of activity it was.</summary>
    private static readonly Dictionary<string, string> Verbs = new(StringComparer.Ordinal)
    {
        // Not "spoke to" or "talked to": "i spoke to Initech today, they're contacted" moves a lead.
        ["(rang|called|phoned)"] = "call",
        ["(emailed|e-mailed|mailed)"] = "email",
        ["met with"] = "meeting",
    };

    /// <summary>Who it was with; never a bare number, so "add a note on 12: …" stays a ticket comment.</summary>
    private const string With = "(?!(ticket )?#?\\d+( |:|$))(?<with>.+?)";

    /// <summary>" about the Acme renewal deal": the deal it belongs to, besides the person.</summary>
    private const string OnDeal = "( (about|on|re|for|regarding) (the )?(?<deal>.+?) deal)?";

    /// <summary>When it happened, said after who it was with: not part of their name.</summary>
    private const string Earlier = "( (today|yesterday|this (morning|afternoon)|earlier( today)?|last (week|night)))?";

    /// <summary>
    /// "log a meeting with lusa wines they want to start in march": what they said starts the summary, colon or not;
    /// "… with tomás rivera about the oven installation": what it was about is the summary (one clause), not part of the name.
    /// </summary>
    private const string Told = $"({Colon}(?<summary>.+)|, (?<summary>(they|she|he|it|we|i)\\b.+)| (?<summary>(they|she|he|we)\\b.+)| (about|regarding|re:?) (?<summary>[^,.;]+))";

    /// <summary>"log a call", "add a crm note", "quick note": the ask before the kind.</summary>
    private const string LogA = "((please )?(log|record|add|note|save)( an?)?( crm)? |(a |quick |new |add a )+)";

    /// <summary>"with", "w/", "to": who it was with follows.</summary>
    private const string WithWord = "(with|w/|to|for|on|about|from)";

    public static ToolDefinition Definition { get; } = new()
    {
        Name = "log_activity",
        Description = "Log a call, email, meeting or note in the CRM",
        Tier = ToolTier.SafeWrite,
        MinimumRole = MemberRole.Member,
        Handler = RunAsync,
        Utterances =
        [
            // "log a call with Dana from Acme: wants a quote", "add a note on Initech - budget approved", "log meeting w/ Priya: demo went well"
            Utterance.Of($"(please )?(log|record|add|note|save)( an?)?( crm)? {Kind} {WithWord} {With}{OnDeal}{Told}?"),
            // "log a call about the Acme renewal deal: sent the quote", "note on deal Acme renewal: legal is reviewing the contract"
            Utterance.Of($"{LogA}?{Kind} (on|about|for|to) (the )?(deal (?<deal>.+?)|(?<deal>.+?) deal){Told}?"),
            // "note for Globex: asked for a discount", "quick note on Oscorp they want invoices monthly"
            Utterance.Of($"{LogA}?(?<kind>note) (for|on|about|re|regarding|to) {With}{OnDeal}{Told}"),
            // "had a meeting with Dana: went well", "just had a call with Greenleaf, they're happy with the trial"
            Utterance.Of($"(i |we )?(just )?(had|made|sent|did)( an?)? {Kind} (with|w/|to) {With}{OnDeal}{Earlier}{Told}?"),
            // "rang Hana Ito she asked for pricing", "emailed Dana, she wants the contract": the verb is the kind.
            .. Verbs.Select(said => Utterance.Of($"(i |we )?(just )?{said.Key} {With}{OnDeal}{Earlier}{Told}", new Dictionary<string, string> { ["kind"] = said.Value })),
            // "Just got off the phone with Carlos Mendes about the Lusa Wines website deal. Log the call: he's asking for a discount"
            Utterance.Of($"(i )?(just )?(got off the phone|hung up|finished a call) with {With}{OnDeal}(\\. |, )((please )?(log|record|note) (the call|it|that)({Colon}|,? ))?(?<summary>.+)", new Dictionary<string, string> { ["kind"] = "call" }),
            Utterance.Of($"(log|record)( an?)? {Kind}"),
        ],
        Prompts = new Dictionary<string, string>
        {
            ["kind"] = "Was it a call, email, meeting or note?",
            ["with"] = "With whom? A contact, company, lead or deal (\"Dana from Acme\").",
            ["summary"] = "What happened? A short summary.",
        },
        HelpExample = "log a call with Dana from Acme: wants a quote",
    };

    public static async Task<ToolResult> RunAsync(
        OperatorOneDb db,
        Caller caller,
        CurrentOrganization organization,
        TimeProvider clock,
        [Description("What kind of activity.")] CrmActivityKind kind,
        [Description("A short summary: 'wants a quote'.")] string summary,
        [Description("Who or what it concerns: a contact ('Dana from Acme'), company, lead or deal.")] string? with = null,
        [Description("The deal it belongs to, if any: 'Acme renewal'.")] string? deal = null,
        CancellationToken cancellationToken = default)
    {
        var text = summary.Trim();
        if (text.Length is 0 or > 2000)
        {
            return ToolResult.Refused("The summary must be between 1 and 2,000 characters.");
        }
        if (with is null && deal is null)
        {
            return ToolResult.Ask("with", "With whom? A contact, company, lead or deal (\"Dana from Acme\").", []);
        }
        CrmRecord? onDeal = null;
        if (deal is not null)
        {
            var dealQuery = CrmQuery.Parse(deal);
            var dealMatch = CrmMatch.Decide(dealQuery, await CrmLookup.DealsAsync(db, dealQuery.ToString(), cancellationToken));
            if (CrmMatch.Problem(dealMatch, "deal", dealQuery, "a deal") is { } dealProblem)
            {
                return dealProblem;
            }
            onDeal = ((CrmMatch.One)dealMatch).Record;
        }
        var record = onDeal!;
        if (with is not null)
        {
            var query = CrmQuery.Parse(with);
            var match = await CrmLookup.AnythingAsync(db, query, cancellationToken);
            if (CrmMatch.Problem(match, "with", query, "a contact, company, lead or deal") is { } problem)
            {
                return problem;
            }
            record = ((CrmMatch.One)match).Record;
        }
        db.CrmActivities.Add(new CrmActivity
        {
            Id = Guid.NewGuid(),
            OrganizationId = organization.Id,
            Kind = kind,
            Summary = text,
            ContactId = record.Kind == CrmRecordKind.Contact ? record.Id : null,
            CompanyId = record.Kind is CrmRecordKind.Contact or CrmRecordKind.Company or CrmRecordKind.Deal ? record.CompanyId : onDeal?.CompanyId,
            LeadId = record.Kind == CrmRecordKind.Lead ? record.Id : null,
            DealId = record.Kind == CrmRecordKind.Deal ? record.Id : onDeal?.Id,
            MemberId = caller.MemberId,
            OccurredAt = clock.GetUtcNow(),
        });
        var on = onDeal is null || onDeal == record ? "" : $" on the {onDeal.Name} deal";
        return new ToolResult($"Logged {(kind == CrmActivityKind.Email ? "an" : "a")} {CrmText.Word(kind)} with {record.Label}{on}: {text}");
    }
}
