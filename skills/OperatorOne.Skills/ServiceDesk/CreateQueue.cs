using System.ComponentModel;
using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Data;
using OperatorOne.Data.Members;
using OperatorOne.Data.ServiceDesk;

namespace OperatorOne.Skills.ServiceDesk;

internal static class CreateQueue
{
    public static ToolDefinition Definition { get; } = new()
    {
        Name = "create_queue",
        Description = "Create a support queue",
        Tier = ToolTier.SafeWrite,
        MinimumRole = MemberRole.Admin,
        Handler = RunAsync,
        Utterances =
        [
            Utterance.Of("(please )?(create|add|make|set up)( a| the)?( new)? (support )?queue( called| named)?( (?<name>.+))?"),
            Utterance.Of("new (support )?queue ?[:\\-–]? (?<name>.+)"),
        ],
        Prompts = new Dictionary<string, string> { ["name"] = "What should the queue be called?" },
        HelpExample = "create queue Facilities",
    };

    public static async Task<ToolResult> RunAsync(
        OperatorOneDb db,
        CurrentOrganization organization,
        TimeProvider clock,
        [Description("The queue's name, e.g. 'IT' or 'Facilities'.")] string name,
        CancellationToken cancellationToken = default)
    {
        var clean = DeskQueries.QueueName(name);
        if (clean.Length is 0 or > 100)
        {
            return ToolResult.Refused("A queue needs a name of up to 100 characters.");
        }
        if (await DeskQueries.FindQueueAsync(db, clean, cancellationToken) is not null)
        {
            return ToolResult.Refused($"There is already a queue called {clean}.");
        }
        db.SupportQueues.Add(new SupportQueue { Id = Guid.NewGuid(), OrganizationId = organization.Id, Name = clean, CreatedAt = clock.GetUtcNow() });
        return new ToolResult($"Created the {clean} queue. Add people with \"add mia to the {clean} queue\".");
    }
}
