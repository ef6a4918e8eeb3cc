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

    private static IEnumerable<ToolDefinition> AllTools => [.. SkillTools, Bot.Core.Recognition.HelpTool.Definition];

    /// <summary>Every pre-approval check and approval summary, with the tool it belongs to.</summary>
    private static IEnumerable<(ToolDefinition Tool, string Hook, Delegate Method)> Hooks =>
        AllTools.SelectMany(t => new[] { (t, "check", t.Check), (t, "summary", t.Summarize) })
            .Where(h => h.Item3 is not null).Select(h => (h.t, h.Item2, h.Item3!));

    [Fact]
    public void NoToolTakesTheWholeContext()
    {
        var whole = AllTools.Where(t => t.Handler.Method.GetParameters().Any(p => p.ParameterType == typeof(ToolContext))).Select(t => t.Name);

        Assert.Empty(whole);
    }

    [Fact]
    public void OnlyToolsThatHandTheirCallOnAskForAHandOff()
    {
        // An admin's cancel or move of someone else's event goes to the approval-gated tool; "approve 3" to the approval path.
        var handing = AllTools.Where(t => t.Handler.Method.GetParameters().Any(p => p.ParameterType == typeof(CallHandOff))).Select(t => t.Name);

        Assert.Equal(["cancel_event", "decide_approval", "move_event"], handing.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void NoApprovalHookTakesTheWholeContextOrTheRawCall()
    {
        var hooks = Hooks.ToList();
        var raw = hooks.Where(h => h.Method.Method.GetParameters().Any(p => p.ParameterType == typeof(ToolContext) || p.ParameterType == typeof(ToolCall)))
            .Select(h => $"{h.Tool.Name} {h.Hook}");

        Assert.Empty(raw);
        // Every risky tool that checks or summarizes: if none were found, the assertion above would hold vacuously.
        Assert.True(hooks.Select(h => h.Tool.Name).Distinct().Count() >= 16, $"only {hooks.Count} hooks found");
    }

    [Fact]
    public void AHooksArgumentsAreItsToolsArgumentsAndOptionalWhereTheToolsAre()
    {
        foreach (var (tool, hook, method) in Hooks)
        {
            var handler = tool.Handler.Method.GetParameters().ToDictionary(p => p.Name!);
            foreach (var parameter in method.Method.GetParameters().Where(IsNamedArgument))
            {
                var what = $"{tool.Name} {hook} '{parameter.Name}'";
                Assert.True(handler.TryGetValue(parameter.Name!, out var same), $"{what} is not an argument of the tool");
                Assert.Equal(same.ParameterType, parameter.ParameterType);
                // A call may leave out what the handler has a default for; the hook must bind without it too.
                Assert.False(same.HasDefaultValue && !parameter.HasDefaultValue, $"{what} is optional for the tool but required by the hook");
            }
        }
    }

    private static bool IsNamedArgument(System.Reflection.ParameterInfo parameter) =>
        ToolFunctions.IsArgument(parameter.ParameterType)
        && parameter.ParameterType != typeof(CancellationToken) && parameter.ParameterType != typeof(AIFunctionArguments) && parameter.ParameterType != typeof(IServiceProvider);

    [Fact]
    public void WhatAToolUsesIsNeverOneOfItsArguments()
    {
        foreach (var tool in new ToolRegistry(AllTools).All)
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

    [Fact]
    public async Task AnApprovalHookIsBoundFromTheCallAndItsContextLikeTheHandler()
    {
        var organization = Guid.NewGuid();
        var definition = new ToolDefinition
        {
            Name = "purge_archive",
            Description = "Purges an archive",
            Tier = ToolTier.RiskyWrite,
            MinimumRole = MemberRole.Member,
            Handler = (string archive, int days = 30) => new ToolResult($"purged {archive}"),
            Check = (Caller caller, string archive) => archive == "missing" ? ToolResult.Refused($"{caller.DisplayName}: no archive {archive}") : null,
            Summarize = (CurrentOrganization here, string archive, int days = 30) => Task.FromResult($"Purge {archive} older than {days} days in {here.Id}"),
        };
        var tool = ToolRegistry.Register(definition);
        var context = Context(organization, new Caller(Guid.NewGuid(), "Bo Member", MemberRole.Member, "teams", "bo"));

        var refusal = await ToolFunctions.InvokeAsync(tool.Check!, new ToolCall(tool.Name, new() { ["archive"] = "missing" }), context, null, default);
        var passed = await ToolFunctions.InvokeAsync(tool.Check!, new ToolCall(tool.Name, new() { ["archive"] = "mail" }), context, null, default);
        var summary = await ToolFunctions.InvokeAsync(tool.Summary!, new ToolCall(tool.Name, new() { ["archive"] = "mail", ["days"] = 7 }), context, null, default);
        var defaulted = await ToolFunctions.InvokeAsync(tool.Summary!, new ToolCall(tool.Name, new() { ["archive"] = "mail" }), context, null, default);

        Assert.Equal("Bo Member: no archive missing", Assert.IsType<ToolResult>(refusal).Text);
        Assert.Null(passed);
        Assert.Equal($"Purge mail older than 7 days in {organization}", summary);
        Assert.Equal($"Purge mail older than 30 days in {organization}", defaulted);
        Assert.Equal(["archive", "days"], tool.ParameterNames);
    }

    [Fact]
    public async Task AHookGivenAnArgumentOfTheWrongShapeFailsAsTheHandlerWould()
    {
        var tool = ToolRegistry.Register(new ToolDefinition
        {
            Name = "drop_ticket",
            Description = "Drops a ticket",
            Tier = ToolTier.RiskyWrite,
            MinimumRole = MemberRole.Member,
            Handler = (int number) => new ToolResult($"dropped {number}"),
            Summarize = (int number) => $"Drop ticket #{number}",
        });
        var context = Context(Guid.NewGuid(), new Caller(Guid.NewGuid(), "Bo Member", MemberRole.Member, "teams", "bo"));

        var failure = await Record.ExceptionAsync(() =>
            ToolFunctions.InvokeAsync(tool.Summary!, new ToolCall(tool.Name, new() { ["number"] = "twelve" }), context, null, default));

        // The executor refuses such a call before anyone is asked to approve it.
        Assert.True(failure is not null && ToolExecutor.IsArgumentProblem(failure), failure?.ToString());
    }

    private static ToolContext Context(Guid organization, Caller caller) => new()
    {
        Db = null!,
        OrganizationId = organization,
        Caller = caller,
        Clock = TimeProvider.System,
        Outbox = new OutboxWriter(TimeProvider.System),
    };
}
