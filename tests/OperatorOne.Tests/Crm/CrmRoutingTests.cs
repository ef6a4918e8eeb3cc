using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Skills.Crm;
using OperatorOne.Skills.Tickets;

namespace OperatorOne.Tests.Crm;

/// <summary>CRM phrases reach CRM tools, and ticket phrases still reach ticket tools with both skills installed.</summary>
public sealed class CrmRoutingTests
{
    private static readonly ToolRegistry Registry = new([.. TicketsSkill.Tools, .. CrmSkill.Tools]);

    [Theory]
    [InlineData("find Dana from Acme", "find_contact", "name", "Dana from Acme")]
    [InlineData("who is Dana Lee?", "find_contact", "name", "Dana Lee")]
    [InlineData("add a lead: Jo Park from Initech", "add_lead", "name", "Jo Park from Initech")]
    [InlineData("mark lead Jo Park as contacted", "move_lead", "stage", "contacted")]
    [InlineData("we lost the lead Initech", "move_lead", "lead", "Initech")]
    [InlineData("move lead Jo Park to converted", "convert_lead", "lead", "Jo Park")]
    [InlineData("convert the lead Initech to a customer", "convert_lead", "lead", "Initech")]
    [InlineData("log a call with Dana from Acme: wants a quote", "log_activity", "summary", "wants a quote")]
    [InlineData("had a meeting with Dana - went well", "log_activity", "with", "Dana")]
    [InlineData("pipeline summary", "pipeline_summary", null, null)]
    [InlineData("which of my deals are closing this month", "my_deals_closing", null, null)]
    [InlineData("delete company Globex for good", "delete_crm_record", "name", "Globex")]
    [InlineData("find ticket 12", "show_ticket", "number", "12")]
    [InlineData("add a note on 12: rebooted", "comment_on_ticket", "number", "12")]
    [InlineData("delete ticket 3", "delete_ticket", "number", "3")]
    [InlineData("log a ticket: printer jammed", "create_ticket", "title", "printer jammed")]
    public void APhraseReachesItsTool(string text, string tool, string? slot, string? value)
    {
        var match = UtteranceMatcher.Match(UtteranceMatcher.Normalize(text), Registry.All);

        Assert.Equal(tool, match?.Tool.Name);
        if (slot is not null)
        {
            Assert.Equal(value, match!.Slots[slot], ignoreCase: true);
        }
    }

    [Fact]
    public void EveryCrmToolHasAHelpExampleAndAPromptForEachRequiredParameter()
    {
        foreach (var tool in Registry.All.Where(t => CrmSkill.Tools.Contains(t.Definition)))
        {
            Assert.False(string.IsNullOrWhiteSpace(tool.Definition.HelpExample), tool.Name);
            Assert.NotEmpty(tool.Definition.Utterances);
            Assert.All(tool.RequiredParameters, p => Assert.True(tool.Definition.Prompts.ContainsKey(p), $"{tool.Name} has no prompt for {p}"));
        }
    }
}
