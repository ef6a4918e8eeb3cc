using System.ComponentModel;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using OperatorOne.Bot.Core.Cards;
using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Data;
using OperatorOne.Data.Members;
using static OperatorOne.Skills.Calendar.CalendarPhrases;

namespace OperatorOne.Skills.Calendar;

/// <summary>
/// An .ics file of one event or of the caller's coming events, as a signed download link that expires
/// (Calendar:LinkLifetime): every channel can show a link, few can carry a file.
/// </summary>
internal static class ExportCalendar
{
    private const string Give = "(please )?(export|download|share|send me|give me|get me|email me|(can|could|may) i (get|have)|i (need|want))";
    private const string AsFile = $"( as (an? )?{Ics}( file)?| to {Ics}| in {Ics}( format)?)?";
    // "… so I can add it to my personal calendar", "… for my phone": why it is wanted, not what.
    private const string Why = "(,? (so (that )?i can|to) (add|put|import|load|open) it .+|,? for my .+)?";

    public static ToolDefinition Definition { get; } = new()
    {
        Name = "export_calendar",
        Description = "Export my calendar or one event as an iCalendar (.ics) file",
        Tier = ToolTier.ReadOnly,
        MinimumRole = MemberRole.Viewer,
        Handler = RunAsync,
        Utterances =
        [
            // "download my calendar for the next two months in iCal format": the span is the export's own (60 days).
            Utterance.Of($"{Give}( an?)?( copy of)? my (calendar|schedule|events|meetings)( for the (next|coming) [^ ]+ (days|weeks|months))?{AsFile}{Why}"),
            Utterance.Of($"{Give} {Event}{AsFile}{Why}"),
            Utterance.Of($"({Give} )?(an? )?{Ics}( file| export| link)?( for| of) {Event}{Why}"),
            Utterance.Of($"(an? )?{Ics}( file| export| link)?( for| of)? my (calendar|schedule|events|meetings)"),
            Utterance.Of($"(export|download) (to|as) (an? )?{Ics}( file)?"),
            Utterance.Of($"add {Event} to my (outlook|google|apple|phone|own)( calendar)?"),
        ],
        HelpExample = "export my calendar as ics",
    };

    public static async Task<ToolResult> RunAsync(
        OperatorOneDb db,
        Caller caller,
        CurrentOrganization organization,
        TimeProvider clock,
        IcsLinks links,
        IOptions<CalendarOptions> options,
        [Description("One event (its number or title words); the caller's events in the next 60 days when omitted.")] string? @event = null,
        CancellationToken cancellationToken = default)
    {
        var said = @event;
        var zone = NaturalDates.Zone(caller.TimeZone);
        var number = 0;
        var what = "your events for the next 60 days";
        if (!string.IsNullOrWhiteSpace(said))
        {
            var (found, problem) = await CalendarQueries.FindAsync(db, caller, clock.GetUtcNow(), said, zone, cancellationToken);
            if (found is null)
            {
                return problem!;
            }
            number = found.Number;
            what = $"#{found.Number} {found.Title}";
        }
        var expires = clock.GetUtcNow() + options.Value.LinkLifetime;
        var token = links.Sign(new IcsGrant(organization.Id, caller.MemberId!.Value, number, expires));
        var url = options.Value.Link($"{IcsEndpoint.Route}/{token}");
        var until = CalendarText.When(expires, zone);
        var card = AdaptiveCard.Create(
            [AdaptiveCard.Heading("Calendar file (.ics)"), AdaptiveCard.Text($"{what}; the link works until {until}.", subtle: true)],
            [new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = "Download .ics", ["url"] = url }]);
        var subscribe = number == 0 ? " To keep Outlook or Google up to date instead, say 'give me my calendar feed link'." : "";
        return new ToolResult($"Here is an .ics file of {what}: [download]({url}) (the link works until {until}).{subscribe}")
        {
            Card = card,
            Speak = string.Create(CultureInfo.InvariantCulture, $"I've put a download link for {what} in the chat."),
        };
    }
}
