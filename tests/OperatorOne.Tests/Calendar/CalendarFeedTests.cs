using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using OperatorOne.Bot.Core.Security;
using OperatorOne.Skills.Calendar;
using OperatorOne.Tests.Infrastructure;
using IcalCalendar = Ical.Net.Calendar;

namespace OperatorOne.Tests.Calendar;

/// <summary>The subscription feed: a long-lived link per member, current on every fetch, revocable; bad links are 4xx, never 500.</summary>
[Collection(BotCollection.Name)]
public sealed partial class CalendarFeedTests(BotHost host)
{
    [Fact]
    public async Task TheFeedLinkStaysTheSameShowsNewEventsWithAMailtoOrganizerAndIsGoneOnceRevoked()
    {
        var org = await TestOrganization.CreateAsync(host);
        await host.InOrganizationAsync(org.Id, db => db.Members.Where(m => m.Handle == "member").ExecuteUpdateAsync(s => s.SetProperty(m => m.Email, "mia@example.test")));
        using var member = await Chat.StartAsync(host, org, "member");
        using var http = host.CreateClient();
        var day = CalendarDays.Next(DayOfWeek.Wednesday);
        await member.Send($"schedule a meeting with Ada on {CalendarDays.Words(day)} at 14:00 in room 4 about pricing");
        await member.ExpectReply("Booked #1 pricing");

        await member.Send("give me my calendar feed link");
        var link = LinkIn((await member.ExpectReply("Here is your new calendar feed link"))["text"]!.GetValue<string>());
        var first = await http.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("text/calendar", first.Content.Headers.ContentType?.MediaType);
        var ics = await first.Content.ReadAsStringAsync();
        var item = Assert.Single(IcalCalendar.Load(ics)!.Events);
        Assert.Equal(("pricing", "room 4"), (item.Summary, item.Location));
        Assert.Equal("mailto:mia@example.test", item.Organizer!.Value!.ToString());
        Assert.Contains("X-WR-CALNAME:Mia Member", ics, StringComparison.Ordinal);

        await member.Send($"remind me to send the invoice on {CalendarDays.Words(day)} at 16:00");
        await member.ExpectReply("Booked #2");
        await member.Send("what's my calendar feed link");
        Assert.Equal(link, LinkIn((await member.ExpectReply("Your calendar feed link"))["text"]!.GetValue<string>()));
        Assert.Equal(2, IcalCalendar.Load(await http.GetStringAsync(link))!.Events.Count);

        await member.Send("revoke my calendar feed link");
        await member.ExpectReply("Revoked your calendar feed link");
        Assert.Equal(HttpStatusCode.Gone, (await http.GetAsync(link)).StatusCode);
        await member.Send("give me my calendar feed link");
        var renewed = LinkIn((await member.ExpectReply("Here is your new calendar feed link"))["text"]!.GetValue<string>());
        Assert.NotEqual(link, renewed);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(renewed)).StatusCode);
    }

    [Fact]
    public async Task ForgedMalformedOversizedAndOtherOrganizationsFeedLinksAreNotFoundNeverAServerError()
    {
        var org = await TestOrganization.CreateAsync(host);
        var other = await TestOrganization.CreateAsync(host);
        using var member = await Chat.StartAsync(host, org, "member");
        using var http = host.CreateClient();
        await member.Send("give me my calendar feed link");
        var link = LinkIn((await member.ExpectReply("calendar feed link"))["text"]!.GetValue<string>());
        var token = link[(link.LastIndexOf('/') + 1)..];
        var feedId = Guid.ParseExact(token[32..64], "N");
        // Signed with the bot's own key (the tests know it), but naming the other organization: its rows are not visible there.
        var links = new FeedLinks(new SecretBox(Convert.FromBase64String(TestSecrets.MasterKey)));
        var crossed = links.Sign(new FeedGrant(other.Id, feedId));
        var unknownFeed = links.Sign(new FeedGrant(org.Id, Guid.NewGuid()));
        var tampered = token[..40] + (token[40] == 'a' ? 'b' : 'a') + token[41..];

        foreach (var (bad, status) in new[]
        {
            (crossed, HttpStatusCode.NotFound), (unknownFeed, HttpStatusCode.NotFound), (tampered, HttpStatusCode.NotFound),
            // A NUL anywhere in a request is refused by the host-wide input check, with its reason, before any endpoint runs.
            ("not-a-token", HttpStatusCode.NotFound), (token.Replace(".ics", "", StringComparison.Ordinal) + "%00", HttpStatusCode.BadRequest),
            (new string('a', 500), HttpStatusCode.BadRequest),
        })
        {
            using var response = await http.GetAsync($"{FeedEndpoint.Route}/{bad}");
            Assert.True(response.StatusCode == status, $"{bad[..Math.Min(bad.Length, 40)]}: {(int)response.StatusCode}");
        }
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(link)).StatusCode);
    }

    private static string LinkIn(string text) => Link().Match(text).Groups[1].Value;

    [GeneratedRegex(@"(/calendar/feed/[^\s)]+)")]
    private static partial Regex Link();
}
