using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.Ai;

/// <summary>The model is told today's date, the time and the caller's zone, so relative dates land on the caller's day.</summary>
[Collection(LlmCollection.Name)]
public sealed partial class LlmDateTests(LlmFixture fixture)
{
    /// <summary>UTC+14 all year: its date differs from UTC's for most of the day, so a prompt with UTC's date would miss.</summary>
    private const string Zone = "Pacific/Kiritimati";

    [Fact]
    public async Task ABookingForTomorrowAtThreeLandsOnTheCallersTomorrowInTheirZone()
    {
        fixture.Model.Reset();
        var org = await TestOrganization.CreateAsync(fixture.Host);
        await fixture.Host.InOrganizationAsync(org.Id, async db =>
        {
            var member = await db.Members.SingleAsync(m => m.Id == org.Members["member"]);
            member.TimeZone = Zone;
            return await db.SaveChangesAsync();
        });
        using var chat = await Chat.StartAsync(fixture.Host, org, "member");
        // Like a model following its prompt: "tomorrow" is the day after the date the prompt names, in its offset.
        fixture.Model.CallToolFrom(request =>
        {
            var system = request["messages"]![0]!["content"]!.GetValue<string>();
            var today = DateOnly.ParseExact(TodayIn().Match(system).Groups["date"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var offset = OffsetIn().Match(system).Groups["offset"].Value;
            var startsAt = $"{today.AddDays(1):yyyy-MM-dd}T15:00:00{offset}";
            return ("create_event", new JsonObject { ["title"] = "Dentist", ["starts_at"] = startsAt, ["kind"] = "reminder" }.ToJsonString());
        });
        fixture.Model.ReplyText("Booked: Dentist tomorrow at 3pm.");
        var zone = TimeZoneInfo.FindSystemTimeZoneById(Zone);
        var localToday = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, zone).DateTime);

        await chat.Send("book the dentist tomorrow at 3pm");
        await chat.ExpectReply("Booked");

        var system = fixture.Model.Requests[0]["messages"]![0]!["content"]!.GetValue<string>();
        Assert.Contains(Zone, system, StringComparison.Ordinal);
        Assert.Matches(@"the time is \d\d:\d\d", system);
        var startsAt = await fixture.Host.InOrganizationAsync(org.Id, db => db.CalendarEvents.Where(e => e.Title == "Dentist").Select(e => e.StartsAt).SingleAsync());
        var local = TimeZoneInfo.ConvertTime(startsAt, zone);
        // The test's own "today" may have turned over while the turn ran; either way the booking is the day after the prompt's today.
        Assert.Contains(DateOnly.FromDateTime(local.DateTime), new[] { localToday.AddDays(1), localToday.AddDays(2) });
        Assert.Equal(new TimeOnly(15, 0), TimeOnly.FromDateTime(local.DateTime));
        var promptDay = DateOnly.FromDateTime(local.DateTime).AddDays(-1).ToString("dddd, yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.Contains($"Today is {promptDay}", system, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"Today is \w+, (?<date>\d{4}-\d{2}-\d{2})")]
    private static partial Regex TodayIn();

    [GeneratedRegex(@"\(UTC(?<offset>[+-]\d\d:\d\d)\)")]
    private static partial Regex OffsetIn();
}
