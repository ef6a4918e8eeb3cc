using System.Text.RegularExpressions;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Data.Members;
using OperatorOne.Skills.ServiceDesk;
using OperatorOne.Skills.Tickets;

namespace OperatorOne.Tests.Tickets;

public class TicketToolSchemaTests
{
    private readonly ToolRegistry _registry = new(TicketsSkill.Tools);

    [Theory]
    [InlineData("create_ticket", new[] { "title" })]
    [InlineData("list_my_tickets", new string[0])]
    [InlineData("list_open_tickets", new string[0])]
    [InlineData("show_ticket", new[] { "number" })]
    [InlineData("change_ticket_status", new[] { "number", "status" })]
    [InlineData("assign_ticket", new[] { "number", "assignee" })]
    [InlineData("comment_on_ticket", new[] { "number", "text" })]
    [InlineData("delete_ticket", new[] { "number" })]
    public void OnlyTheEssentialParametersAreRequired(string tool, string[] required) =>
        Assert.Equal(required, _registry.Find(tool)!.RequiredParameters);

    [Fact]
    public void CreateTicketOffersItsOptionalDetailsButNotTheContext() =>
        Assert.Equal(["title", "description", "priority", "category"], _registry.Find("create_ticket")!.ParameterNames);

    [Fact]
    public void CommentsHaveAnOptionalInternalFlag() =>
        Assert.Contains("internal", _registry.Find("comment_on_ticket")!.ParameterNames);

    [Fact]
    public void EveryRequiredParameterHasAPrompt()
    {
        foreach (var tool in _registry.All)
        {
            foreach (var parameter in tool.RequiredParameters)
            {
                Assert.True(tool.Definition.Prompts.ContainsKey(parameter), $"{tool.Name} has no prompt for {parameter}.");
            }
        }
    }

    [Fact]
    public void EveryCapturedOrImpliedSlotIsAParameterOfItsTool()
    {
        foreach (var tool in _registry.All)
        {
            var parameters = tool.ParameterNames.ToHashSet();
            foreach (var utterance in tool.Definition.Utterances)
            {
                var slots = utterance.Pattern.GetGroupNames().Where(n => !int.TryParse(n, out _)).Concat(utterance.Implies.Keys);
                Assert.All(slots, slot => Assert.Contains(slot, parameters));
            }
        }
    }

    [Fact]
    public void ToolNamesAreTheOnesTheBriefPromises() =>
        Assert.Equal(
            ["create_ticket", "list_my_tickets", "list_open_tickets", "show_ticket", "change_ticket_status", "assign_ticket", "comment_on_ticket", "delete_ticket",
                "change_ticket_priority", "edit_ticket", "search_tickets"],
            TicketsSkill.Tools.Select(t => t.Name));

    [Fact]
    public void AQueuesTicketsAreListedByTheServiceDeskWhichOwnsQueues() =>
        Assert.Contains("list_queue_tickets", ServiceDeskSkill.Tools.Select(t => t.Name));

    [Fact]
    public void OnlyDeletingNeedsApprovalAndAnAdminApprovesIt()
    {
        var risky = TicketsSkill.Tools.Where(t => t.Tier is ToolTier.RiskyWrite or ToolTier.Admin).ToList();

        var delete = Assert.Single(risky);
        Assert.Equal("delete_ticket", delete.Name);
        Assert.Equal(MemberRole.Admin, delete.ApproverRole);
        Assert.NotNull(delete.Summarize);
    }

    [Fact]
    public void GuestsMayOpenListShowAndCommentButNothingElse() =>
        Assert.Equal(
            ["create_ticket", "list_my_tickets", "show_ticket", "comment_on_ticket"],
            TicketsSkill.Tools.Where(t => t.AllowGuests).Select(t => t.Name));

    [Fact]
    public void UtterancePatternsAreAnchoredAndCaseInsensitive()
    {
        var pattern = ShowTicket.Definition.Utterances[0].Pattern;

        Assert.True(pattern.Options.HasFlag(RegexOptions.IgnoreCase));
        Assert.Matches(pattern, "SHOW TICKET 12");
        Assert.DoesNotMatch(pattern, "please show ticket 12 now");
    }
}
