using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using OperatorOne.Skills.Calendar;
using OperatorOne.Tests.Infrastructure;
using IcalCalendar = Ical.Net.Calendar;

namespace OperatorOne.Tests.Calendar;

/// <summary>.ics export: a signed, expiring link served by the bot, whose file Ical.Net reads back; bad links get 4xx.</summary>
[Collection(BotCollection.Name)]
public sealed partial class CalendarExportTests(BotHost host)
{
    [Fact]
    public async Task AnExportedEventParsesBackWithIcalNetAndCarriesItsAttendees()
    {
        var org = await TestOrganization.CreateAsync(host);
        using var member = await Chat.StartAsync(host, org, "member");
        var date = CalendarDays.Next(DayOfWeek.Tuesday);
        await member.Send($"schedule a meeting with Ada on {CalendarDays.Words(date)} at 15:00 for 45 minutes about quarterly budget");
        await member.ExpectReply("Booked #1 quarterly budget");

        await member.Send("export event 1 as ics");
        var reply = await member.ExpectReply("Here is an .ics file of #1 quarterly budget");
        using var http = host.CreateClient();
        var response = await http.GetAsync(LinkIn(reply["text"]!.GetValue<string>()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        var ics = await response.Content.ReadAsStringAsync();
        var calendar = IcalCalendar.Load(ics)!;
        var item = Assert.Single(calendar.Events);
        Assert.Equal("quarterly budget", item.Summary);
        Assert.Equal(CalendarDays.At(date, 15, 0, "UTC").UtcDateTime, item.DtStart!.AsUtc);
        Assert.Equal(TimeSpan.FromMinutes(45), item.DtEnd!.AsUtc - item.DtStart.AsUtc);
        Assert.Equal(2, item.Properties.Count(p => p.Name == "ATTENDEE"));
        Assert.Contains("CN=Ada Admin", ics, StringComparison.Ordinal);
        Assert.Contains("PARTSTAT=ACCEPTED", ics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MyCalendarExportHoldsMyComingEvents()
    {
        var org = await TestOrganization.CreateAsync(host);
        using var member = await Chat.StartAsync(host, org, "member");
        await member.Send("remind me to renew the domain tomorrow at 9am");
        await member.ExpectReply("Booked #1");
        await member.Send("add a deadline for the tax return on " + CalendarDays.Words(CalendarDays.Next(DayOfWeek.Friday)));
        await member.ExpectReply("Booked #2 the tax return (deadline)");

        await member.Send("export my calendar");
        var reply = await member.ExpectReply("Here is an .ics file of your events");
        using var http = host.CreateClient();
        var calendar = IcalCalendar.Load(await http.GetStringAsync(LinkIn(reply["text"]!.GetValue<string>())))!;

        Assert.Equal(["renew the domain", "the tax return"], calendar.Events.Select(e => e.Summary).Order().ToList());
    }

    [Fact]
    public async Task ForgedTamperedOversizedAndExpiredLinksAreRefused()
    {
        var org = await TestOrganization.CreateAsync(host);
        var links = host.Services.GetRequiredService<IcsLinks>();
        var valid = links.Sign(new IcsGrant(org.Id, org.Members["member"], 0, DateTimeOffset.UtcNow.AddMinutes(5)));
        var expired = links.Sign(new IcsGrant(org.Id, org.Members["member"], 0, DateTimeOffset.UtcNow.AddMinutes(-1)));
        var tampered = links.Sign(new IcsGrant(org.Id, org.Members["owner"], 0, DateTimeOffset.UtcNow.AddMinutes(5))).Split('.')[0] + "." + valid.Split('.')[1];
        using var http = host.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"/calendar/ics/{valid}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/calendar/ics/not-a-token")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/calendar/ics/%%%.***")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"/calendar/ics/{tampered}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await http.GetAsync($"/calendar/ics/{new string('a', 500)}")).StatusCode);
        Assert.Equal(HttpStatusCode.Gone, (await http.GetAsync($"/calendar/ics/{expired}")).StatusCode);
    }

    private static string LinkIn(string text) => Link().Match(text).Groups[1].Value;

    // The web chat hands links out absolute (under the address the client used); the path is what this client fetches.
    [GeneratedRegex(@"\((?:https?://[^/\s)]+)?(/calendar/ics/[^)\s]+)\)")]
    private static partial Regex Link();
}
