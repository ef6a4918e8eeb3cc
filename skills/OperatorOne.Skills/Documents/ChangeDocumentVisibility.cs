using System.ComponentModel;
using Microsoft.EntityFrameworkCore;
using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Data;
using OperatorOne.Data.Documents;
using OperatorOne.Data.Members;
using static OperatorOne.Skills.Documents.DocumentPhrases;

namespace OperatorOne.Skills.Documents;

/// <summary>Makes a document private, visible to a team, or visible to the whole organization (owner or admin).</summary>
internal static class ChangeDocumentVisibility
{
    private static readonly Dictionary<string, string> Private = new() { ["visibility"] = "private" };
    private static readonly Dictionary<string, string> Everyone = new() { ["visibility"] = "organization" };
    private static readonly Dictionary<string, string> Team = new() { ["visibility"] = "team" };

    /// <summary>"everyone", "the whole company", "everyone in the org": the whole organization.</summary>
    private const string Everybody = "(everyone|everybody|the (whole |entire )?(company|organization|organisation|org))( (in|at) (the|our) (company|organization|organisation|org))?";

    public static ToolDefinition Definition { get; } = new()
    {
        Name = "change_document_visibility",
        Description = "Change who can see a document: private (owner only), a team, or the whole organization",
        Tier = ToolTier.SafeWrite,
        MinimumRole = MemberRole.Member,
        Handler = RunAsync,
        Utterances =
        [
            // "make the expense policy private", "make doc onboarding checklist visible only to me"
            Utterance.Of($"(please )?(make|set|mark|keep) {Named} (private|visible only to me|only visible to me|just for me|personal)", Private),
            // "hide the salary bands doc from everyone but me", "only I should be able to see the salary sheet"
            Utterance.Of($"(please )?(unshare|hide) {Named}( from (everyone|everybody|others|other people|the (whole )?(team|company))( (but|except) me)?)?", Private),
            Utterance.Of($"only (i|me) (should|can|may|will|get to)( be able to)? (see|view|open|read|access) {Named}", Private),
            // "let everyone see the VPN guide", "let the Warehouse team see onboarding-checklist.pdf", "only the Support team should see the Returns Process doc"
            Utterance.Of($"(please )?let (everyone|everybody|the (whole |entire )?(company|organization|organisation|org)) (see|view|open|read|access) {Named}", Everyone),
            Utterance.Of($"(please )?let (the )?(?<team>.+?) team (see|view|open|read|access) {Named}", Team),
            Utterance.Of($"only (the )?(?<team>.+?) team (should|can|may|will)( be able to)? (see|view|open|read|access) {Named}", Team),
            // "share the expense policy with everyone", "make the VPN guide public", "publish doc leave policy to the company"
            Utterance.Of($"(please |could you |can you )?(share|publish|open up) {Named} (with|to) {Everybody}", Everyone),
            // "restrict the driver guide to the Dispatch team", "limit the rota to me": who may still see it.
            Utterance.Of($"(please |could you |can you )?(restrict|limit) {Named} to (the )?(?<team>.+?) team", Team),
            Utterance.Of($"(please |could you |can you )?(restrict|limit) {Named} to (me|myself|just me|only me)", Private),
            Utterance.Of($"(please )?(make|set|mark) {Named} (public|company-wide|org-wide|organization-wide|visible to (everyone|everybody|the (whole )?(company|organization|org)))", Everyone),
            // "share the runbook with the support team", "make the runbook visible to team support"
            Utterance.Of($"(please )?share {Named} with (the )?(?<team>.+?) team", Team),
            Utterance.Of($"(please )?(share|make) {Named} (with|visible to) team (?<team>.+)", Team),
            Utterance.Of($"(please )?(make|set|mark) {Named} visible to (the )?(?<team>.+?) team", Team),
            // "change the visibility of the runbook to team", "set visibility of doc X to organization"
            Utterance.Of($"(change|set) (the )?visibility (of|for|on) {Named} to (?<visibility>private|team|organization)( (?<team>.+))?"),
            Utterance.Of($"(change|set) (the )?(visibility|sharing) (of|for|on) (a|the) {Doc}"),
        ],
        Prompts = new Dictionary<string, string>
        {
            ["document"] = "Which document? Tell me its title.",
            ["visibility"] = "Who should see it: private, team or organization?",
        },
        HelpExample = "share the expense policy with everyone",
    };

    public static async Task<ToolResult> RunAsync(
        OperatorOneDb db,
        Caller caller,
        TimeProvider clock,
        [Description("The document's title or file name.")] string document,
        [Description("private: only the owner; team: one team; organization: everyone in the organization.")] DocumentVisibility visibility,
        [Description("The team's name, when visibility is team.")] string? team = null,
        CancellationToken cancellationToken = default)
    {
        await DocumentRights.ActAsCallerAsync(db, caller, cancellationToken);
        var (found, problem) = await DocumentMatch.FindAsync(db, document, "document", cancellationToken);
        if (found is null)
        {
            return problem ?? ToolResult.Refused("I couldn't find that document.");
        }
        if (!DocumentRights.MayChange(found, caller))
        {
            return DocumentRights.NotYours(found);
        }
        Guid? teamId = null;
        string? teamName = null;
        if (visibility == DocumentVisibility.Team)
        {
            var teams = await db.Teams.OrderBy(t => t.Name).Select(t => new { t.Id, t.Name }).ToListAsync(cancellationToken);
            if (string.IsNullOrWhiteSpace(team))
            {
                return teams.Count == 0
                    ? ToolResult.Refused("Your organization has no teams yet, so a document can be private or visible to everyone.")
                    : ToolResult.Ask("team", $"Which team: {string.Join(", ", teams.Select(t => t.Name))}?", teams.Select(t => t.Name).ToList());
            }
            var wanted = team.Trim().Trim('"');
            var match = teams.FirstOrDefault(t => t.Name.Equals(wanted, StringComparison.OrdinalIgnoreCase))
                ?? teams.SingleOrDefault(t => t.Name.Contains(wanted, StringComparison.OrdinalIgnoreCase));
            if (match is null)
            {
                return ToolResult.Refused($"There's no team called \"{wanted}\"{(teams.Count == 0 ? "" : $"; the teams are {string.Join(", ", teams.Select(t => t.Name))}")}.");
            }
            (teamId, teamName) = (match.Id, match.Name);
        }
        var now = clock.GetUtcNow();
        await db.Documents.Where(d => d.Id == found.Id).ExecuteUpdateAsync(s => s
            .SetProperty(d => d.Visibility, visibility)
            .SetProperty(d => d.TeamId, teamId)
            .SetProperty(d => d.UpdatedAt, now), cancellationToken);
        return new ToolResult($"\"{found.Title}\" is now visible to {DocumentReplies.Visibility(visibility, teamName)}.");
    }
}
