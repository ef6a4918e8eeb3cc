using System.Text.Json.Nodes;

namespace OperatorOne.Bot.Core.Activities;

/// <summary>
/// An iCalendar object (METHOD:REQUEST or CANCEL) riding on a notice as an activity entity: mail attaches it so
/// Outlook and Gmail show Accept/Decline; chat channels ignore entities they do not know.
/// </summary>
public static class CalendarInvitation
{
    public const string EntityType = "iCalendar";

    public static JsonObject Entity(string ics) => new() { ["type"] = EntityType, ["ics"] = ics };

    public static string? Read(Activity activity) =>
        activity.Entities?.FirstOrDefault(e => e["type"]?.GetValue<string>() == EntityType)?["ics"]?.GetValue<string>();
}
