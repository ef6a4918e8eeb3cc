using Microsoft.Extensions.AI;
using OperatorOne.Bot.Core.Outbox;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Data.Members;
using OperatorOne.Skills.Calendar;
using OperatorOne.Skills.Crm;
using OperatorOne.Skills.Documents;
using OperatorOne.Skills.Integrations;
using OperatorOne.Skills.Notices;
using OperatorOne.Skills.ServiceDesk;
using OperatorOne.Skills.Tickets;
using OperatorOne.Skills.VoicePin;

namespace OperatorOne.Tests.Tools;

/// <summary>Tools say what they use in their signatures; the executor binds it per call and keeps it out of the schema.</summary>
public sealed class ToolParameterTests
{
    private static readonly IReadOnlyList<ToolDefinition> SkillTools =
    [
        .. TicketsSkill.Tools, .. ServiceDeskSkill.Tools, .. Skills.Admin.AdminSkill.Tools, .. CrmSkill.Tools, .. CalendarSkill.Tools,
        .. DocumentsSkill.Tools, .. IntegrationsSkill.Tools, SetNoticePreference.Definition, SetVoicePin.Definition,
    ];

    [Fact]
    public void OnlyToolsThatRunAnotherToolTakeTheWholeContext()
    {
        // Each hands a call to the executor (an approval-gated cancel or move, an approval's decision), which needs it all.
        var whole = SkillTools.Where(t => t.Handler.Method.GetParameters().Any(p => p.ParameterType == typeof(ToolContext))).Select(t => t.Name);

        Assert.Equal(["cancel_event", "decide_approval", "move_event"], whole.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void WhatAToolUsesIsNeverOneOfItsArguments()
    {
        foreach (var tool in new ToolRegistry(SkillTools).All)
        {
            var used = tool.Definition.Handler.Method.GetParameters().Where(p => !ToolFunctions.IsArgument(p.ParameterType)).Select(p => p.Name);

            Assert.Empty(used.Intersect(tool.ParameterNames));
        }
    }

    [Fact]
    public async Task TheOrganizationAndTheOriginOfACallAreBoundFromItsContext()
    {
        var organization = Guid.NewGuid();
        var conversation = Guid.NewGuid();
        var approver = new Caller(Guid.NewGuid(), "Ann Admin", MemberRole.Admin, "teams", "ann");
        var definition = new ToolDefinition
        {
            Name = "where_am_i",
            Description = "Says where a call comes from",
            Tier = ToolTier.ReadOnly,
            MinimumRole = MemberRole.Viewer,
            Handler = (CurrentOrganization here, ToolCallOrigin origin, Caller caller, string note) =>
                new ToolResult($"{here.Id} {origin.ConversationId} {origin.TurnId} {origin.ApprovedBy?.DisplayName} {caller.DisplayName} {note}"),
        };
        var context = new ToolContext
        {
            Db = null!,
            OrganizationId = organization,
            Caller = new Caller(Guid.NewGuid(), "Bo Member", MemberRole.Member, "teams", "bo"),
            Clock = TimeProvider.System,
            Outbox = new OutboxWriter(TimeProvider.System),
            ConversationId = conversation,
            TurnId = "activity-7",
            ApprovedBy = approver,
        };
        var tool = ToolRegistry.Register(definition);

        var result = await tool.Function.InvokeAsync(new AIFunctionArguments(new Dictionary<string, object?> { ["note"] = "hi" })
        {
            Context = new Dictionary<object, object?> { [ToolFunctions.ContextKey] = context },
        });

        Assert.Equal($"{organization} {conversation} activity-7 Ann Admin Bo Member hi", Assert.IsType<ToolResult>(result).Text);
        Assert.Equal(["note"], tool.ParameterNames);
    }
}
