using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OperatorOne.Bot.Core.Cards;
using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Data;
using OperatorOne.Data.Calendar;
using OperatorOne.Data.Members;

namespace OperatorOne.Skills.Calendar;

/// <summary>
/// The caller's calendar subscription link for Outlook, Google or a phone: made on first request, the same link after
/// that until they revoke it (<see cref="RevokeCalendarFeed"/>). Unlike the one-hour .ics download it stays current.
/// </summary>
internal static class CalendarFeedLink
{
    private const string Feed = "(calendar |ical |ics |icalendar )?(feed|subscription)( link| url| address)?";

    public static ToolDefinition Definition { get; } = new()
    {
        Name = "calendar_feed_link",
        Description = "Give me my calendar feed link to subscribe to in Outlook or Google Calendar",
        Tier = ToolTier.SafeWrite,
        MinimumRole = MemberRole.Viewer,
        Handler = RunAsync,
        Utterances =
        [
            // "give me my calendar feed link", "what's my calendar subscription url"
            Utterance.Of($"(please )?((give|send|get|show)( me)? |what(['’]?s| is) |i (need|want) )?(a |the |my )?{Feed}( for my calendar)?"),
            Utterance.Of($"(please )?((give|send|get|show)( me)? )?(a |the |my )?(link|url|address) (to|for) (subscribe to|subscribing to) my calendar( (in|on|with|from|to) (outlook|google( calendar)?|apple calendar|icloud|my phone|my iphone|my android))?"),
            // "send me the link to add my calendar to google calendar"
            Utterance.Of("(please )?((give|send|get|show)( me)? |i (need|want) )?(a |the |my )?(link|url|address) (to|for) (add|adding|put|putting|sync|syncing|show|showing) my calendar (to|in|into|on|with) (outlook|google( calendar)?|apple calendar|icloud|my phone|my iphone|my android)"),
            // "subscribe to my calendar in outlook", "sync my calendar to google calendar"
            Utterance.Of("(how (do|can) i |i want to |let me |help me )?(subscribe to|sync|connect|add|put) my (calendar|schedule|meetings|events) (to|in|into|with|on) (outlook|google( calendar)?|apple calendar|icloud|my phone|my iphone|my android)"),
            Utterance.Of("(subscribe|sync) (to )?my (calendar|schedule)"),
        ],
        HelpExample = "give me my calendar feed link",
    };

    public static async Task<ToolResult> RunAsync(OperatorOneDb db, Caller caller, CurrentOrganization organization, TimeProvider clock, FeedLinks links, IOptions<CalendarOptions> options, CancellationToken cancellationToken = default)
    {
        var me = caller.MemberId!.Value;
        var feed = await db.CalendarFeeds.Where(f => f.MemberId == me && f.RevokedAt == null).OrderBy(f => f.CreatedAt).FirstOrDefaultAsync(cancellationToken);
        var made = feed is null;
        if (feed is null)
        {
            feed = new CalendarFeed { Id = Guid.NewGuid(), OrganizationId = organization.Id, MemberId = me, CreatedAt = clock.GetUtcNow() };
            db.CalendarFeeds.Add(feed);
        }
        var url = options.Value.Link($"{FeedEndpoint.Route}/{links.Sign(new FeedGrant(organization.Id, feed.Id))}");
        var how = "In Outlook: Add calendar → Subscribe from web; in Google Calendar: Other calendars → From URL.";
        var card = AdaptiveCard.Create(
            [AdaptiveCard.Heading("Your calendar feed"), AdaptiveCard.Text(url), AdaptiveCard.Text($"{how} Keep it private: anyone with the link sees your events. Say 'revoke my calendar feed link' to turn it off.", subtle: true)],
            [new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = "Open feed", ["url"] = url }]);
        return new ToolResult($"{(made ? "Here is your new calendar feed link" : "Your calendar feed link")}: {url}\n{how} " +
            "It stays up to date; anyone with the link sees your events, so keep it private (say 'revoke my calendar feed link' to turn it off).")
        {
            Card = card,
            Speak = "I've put your calendar feed link in the chat.",
        };
    }
}
