using System.Text;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Data;
using OperatorOne.Data.Members;

namespace OperatorOne.Bot.Core.Recognition;

/// <summary>"help": what this caller's role can do, and which of those need an approval first.</summary>
internal static class HelpTool
{
    public static ToolDefinition Definition { get; } = new()
    {
        Name = "help",
        Description = "List what I can do for you",
        Tier = ToolTier.ReadOnly,
        MinimumRole = MemberRole.Viewer,
        AllowGuests = true,
        Handler = HelpAsync,
        Utterances =
        [
            Utterance.Of(@"help( me| please)?|i need help|\?|what can (you|u) (do|help( me)? with)( for me)?|what do you do|what can i (do|say|ask)( here)?"),
            Utterance.Of(@"((show|list)( me)? (the )?)?commands|menu|options|what are my options|how (does this work|do i use this)"),
            Utterance.Of(@"(hi|hello|hey)( there| bot)?|good (morning|afternoon|evening)"),
        ],
    };

    private static async Task<ToolResult> HelpAsync(OperatorOneDb db, CurrentOrganization organization, Caller caller, ToolRegistry registry,
        CancellationToken cancellationToken)
    {
        var tools = await registry.ForOrganizationAsync(db, organization.Id, cancellationToken);
        var lines = new StringBuilder($"Here's what you can ask me ({RoleName(caller)}):\n");
        foreach (var tool in tools.AllowedFor(caller).Where(t => t.Definition.HelpExample is not null))
        {
            var gate = tool.Definition.Tier is ToolTier.RiskyWrite or ToolTier.Admin ? " (needs approval)" : "";
            lines.Append(System.Globalization.CultureInfo.InvariantCulture, $"\n- {tool.Definition.HelpExample}{gate}");
        }
        return new ToolResult(lines.ToString());
    }

    private static string RoleName(Caller caller) => caller.IsGuest ? "as a guest" : $"as {caller.Role.ToString().ToLowerInvariant()}";
}
