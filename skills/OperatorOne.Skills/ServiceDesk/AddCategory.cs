using System.ComponentModel;
using Microsoft.EntityFrameworkCore;
using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Data;
using OperatorOne.Data.Members;
using OperatorOne.Data.ServiceDesk;

namespace OperatorOne.Skills.ServiceDesk;

/// <summary>A ticket category with the queue that works it and the triage keywords that suggest it; re-adding one updates it.</summary>
internal static class AddCategory
{
    public static ToolDefinition Definition { get; } = new()
    {
        Name = "add_ticket_category",
        Description = "Add or update a ticket category, its queue and its triage keywords",
        Tier = ToolTier.SafeWrite,
        MinimumRole = MemberRole.Admin,
        Handler = RunAsync,
        Utterances =
        [
            Utterance.Of("(add|create|update|set up|new)( a)?( new)?( ticket)? category( called| named)?:? (?<name>[^,]+?)(( routed| going| that goes| sent)? (for|in|to) ((the )?(?<queue>.+?) queue|queue (?<queue>[^,]+?))|,? queue:? (?<queue>[^,]+?))?(,? (with )?keywords:? (?<keywords>.+))?"),
        ],
        Prompts = new Dictionary<string, string> { ["name"] = "What should the category be called?" },
        HelpExample = "add category network for the IT queue with keywords vpn, wifi",
    };

    public static async Task<ToolResult> RunAsync(
        OperatorOneDb db,
        CurrentOrganization organization,
        TimeProvider clock,
        [Description("The category's name, e.g. 'network'.")] string name,
        [Description("The queue that works tickets of this category.")] string? queue = null,
        [Description("Words in a ticket that suggest this category, comma separated.")] string? keywords = null,
        CancellationToken cancellationToken = default)
    {
        var clean = name.Trim().Trim('"').ToLowerInvariant();
        if (clean.Length is 0 or > 100)
        {
            return ToolResult.Refused("A category needs a name of up to 100 characters.");
        }
        SupportQueue? owner = null;
        if (!string.IsNullOrWhiteSpace(queue) && (owner = await DeskQueries.FindQueueAsync(db, queue, cancellationToken)) is null)
        {
            return ToolResult.Refused($"There is no queue called {DeskQueries.QueueName(queue)}. Create it first with \"create queue {DeskQueries.QueueName(queue)}\".");
        }
        var words = keywords is null ? [] : Triage.SplitKeywords(keywords);
        var category = await db.TicketCategories.FirstOrDefaultAsync(c => c.Name == clean, cancellationToken);
        var created = category is null;
        if (category is null)
        {
            category = new TicketCategory { Id = Guid.NewGuid(), OrganizationId = organization.Id, Name = clean, CreatedAt = clock.GetUtcNow() };
            db.TicketCategories.Add(category);
        }
        category.QueueId = owner?.Id ?? category.QueueId;
        category.Keywords = category.Keywords.Union(words).ToList();
        var where = owner is null ? "" : $" in the {owner.Name} queue";
        var what = category.Keywords.Count == 0 ? "no triage keywords yet" : $"triage keywords {string.Join(", ", category.Keywords)}";
        return new ToolResult($"{(created ? "Added" : "Updated")} category {clean}{where}, {what}.");
    }
}
