using System.ComponentModel;
using Microsoft.EntityFrameworkCore;
using OperatorOne.Bot.Core.Members;
using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Data;
using OperatorOne.Data.Members;
using OperatorOne.Data.ServiceDesk;

namespace OperatorOne.Skills.ServiceDesk;

/// <summary>Admin tier: a queue member sees and is sent every unassigned ticket of the queue, so joining grants access.</summary>
internal static class AddQueueMember
{
    public static ToolDefinition Definition { get; } = new()
    {
        Name = "add_queue_member",
        Description = "Add a member to a support queue",
        Tier = ToolTier.Admin,
        MinimumRole = MemberRole.Admin,
        Handler = RunAsync,
        Utterances =
        [
            Utterance.Of("(add|put) (?<member>.+?) (to|in|into|on) ((the )?(?<queue>.+?) queue|queue (?<queue>.+))"),
        ],
        Prompts = new Dictionary<string, string>
        {
            ["member"] = "Who should join the queue?",
            ["queue"] = "Which queue?",
        },
        HelpExample = "add mia to the IT queue",
        Check = CheckAsync,
        Summarize = (string member, string queue) => $"Add {member} to the {DeskQueries.QueueName(queue)} queue",
    };

    /// <summary>No approval is asked for a queue or a member that does not exist.</summary>
    private static async Task<ToolResult?> CheckAsync(OperatorOneDb db, Caller caller, string member, string queue, CancellationToken cancellationToken)
    {
        if (await DeskQueries.FindQueueAsync(db, queue, cancellationToken) is null)
        {
            return ToolResult.Refused($"There is no queue called {DeskQueries.QueueName(queue)}.");
        }
        return await MemberNames.ExistsAsync(db, caller, member, cancellationToken);
    }

    public static async Task<ToolResult> RunAsync(
        OperatorOneDb db,
        Caller caller,
        CurrentOrganization organization,
        TimeProvider clock,
        [Description("The member's handle or name.")] string member,
        [Description("The queue's name.")] string queue,
        CancellationToken cancellationToken = default)
    {
        var found = await DeskQueries.FindQueueAsync(db, queue, cancellationToken);
        if (found is null)
        {
            return ToolResult.Refused($"There is no queue called {DeskQueries.QueueName(queue)}.");
        }
        var who = await MemberNames.ResolveAsync(db, member, caller.MemberId, cancellationToken);
        if (who.Member is not { } person)
        {
            return ToolResult.Refused(who.Problem!);
        }
        if (await db.QueueMembers.AnyAsync(q => q.QueueId == found.Id && q.MemberId == person.Id, cancellationToken))
        {
            return ToolResult.Refused($"{person.DisplayName} is already in the {found.Name} queue.");
        }
        db.QueueMembers.Add(new QueueMember { Id = Guid.NewGuid(), OrganizationId = organization.Id, QueueId = found.Id, MemberId = person.Id, CreatedAt = clock.GetUtcNow() });
        return new ToolResult($"Added {person.DisplayName} to the {found.Name} queue.");
    }
}
