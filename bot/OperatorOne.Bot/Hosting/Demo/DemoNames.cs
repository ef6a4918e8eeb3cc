using OperatorOne.Bot.Core.Recognition;

namespace OperatorOne.Bot.Hosting.Demo;

/// <summary>
/// The names the demo seeds (<see cref="DemoMembers"/>, <see cref="DemoCrm"/>), as the gazetteer eval-nlu reads with: a
/// turn reads its organization's names from the database, the evaluation has no database.
/// </summary>
internal static class DemoNames
{
    public static readonly string[] Companies = ["Acme", "Initech", "Globex", "Staples", "Wayne Enterprises"];

    public static readonly string[] Deals = ["Acme renewal", "Initech pilot", "Acme office chairs", "Globex paper supply"];

    /// <summary>Contacts and leads.</summary>
    public static readonly string[] People = ["Dana Lee", "Priya Shah", "Tom Baker", "Jo Park", "Sara Cole"];

    /// <summary>Support queues (<see cref="DemoTickets"/>) and teams (<see cref="DemoMembers"/>).</summary>
    public static readonly string[] Queues = ["IT"];

    public static readonly string[] Teams = ["Support"];

    public static Gazetteer Gazetteer() => new(DemoMembers.All.Select(m => m.Name), Companies, People, Deals, Queues, Teams);
}
