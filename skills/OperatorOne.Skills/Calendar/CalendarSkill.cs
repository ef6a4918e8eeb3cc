using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OperatorOne.Bot.Core.Work;
using OperatorOne.Bot.Core.Tools;

namespace OperatorOne.Skills.Calendar;

/// <summary>
/// The calendar skill: personal and team calendars, meetings, campaigns, deadlines and reminders with RSVPs, free-slot
/// search across time zones, .ics export, and reminders before events start.
/// </summary>
public static class CalendarSkill
{
    internal static IReadOnlyList<ToolDefinition> Tools { get; } =
    [
        MySchedule.Definition,
        CreateEvent.Definition,
        FindFreeSlot.Definition,
        RespondToEvent.Definition,
        CancelEvent.Definition,
        CancelSharedEvent.Definition,
        MoveEvent.Definition,
        MoveSharedEvent.Definition,
        SetWorkingHours.Definition,
        ExportCalendar.Definition,
        SetTimeZone.Definition,
        CreateTeamCalendar.Definition,
        EditEvent.Definition,
        CalendarFeedLink.Definition,
        RevokeCalendarFeed.Definition,
    ];

    public static IHostApplicationBuilder AddCalendar(this IHostApplicationBuilder builder)
    {
        foreach (var tool in Tools)
        {
            builder.Services.AddSingleton(tool);
        }
        builder.Services.AddOptions<CalendarOptions>().BindConfiguration(CalendarOptions.Section)
            .Validate(o => o.WorkdayStart < o.WorkdayEnd, "Calendar:WorkdayStart must be before Calendar:WorkdayEnd.")
            .Validate(o => o.ReminderLead > TimeSpan.Zero && o.LinkLifetime > TimeSpan.Zero, "Calendar:ReminderLead and Calendar:LinkLifetime must be positive.")
            .Validate(o => o.PublicBaseUrl is null || (o.PublicBaseUrl.IsAbsoluteUri && o.PublicBaseUrl.Scheme is "https" or "http"), "Calendar:PublicBaseUrl must be an absolute http(s) URL.")
            .ValidateOnStart();
        builder.Services.AddSingleton<IcsLinks>();
        builder.Services.AddSingleton<FeedLinks>();
        builder.Services.AddSingleton<ReminderScan>();
        builder.Services.AddSingleton<IPeriodicJob>(services => services.GetRequiredService<ReminderScan>());
        return builder;
    }
}
