using System.ComponentModel;
using Microsoft.Extensions.Options;
using OperatorOne.Bot.Core.Invitations;
using OperatorOne.Bot.Core.Outbox;
using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Data;
using OperatorOne.Data.Members;

namespace OperatorOne.Skills.Admin;

/// <summary>
/// "invite dana@example.com as a member": the member is made (or found by email) and the admin gets the join link to
/// pass on; the person claims it in the web chat, and their Slack or Teams account with that email links itself.
/// Nobody may invite above their own role.
/// </summary>
internal static class InviteMember
{
    public static ToolDefinition Definition { get; } = new()
    {
        Name = "invite_member",
        Description = "Invite someone by email to join the organization with a role",
        Tier = ToolTier.SafeWrite,
        MinimumRole = MemberRole.Admin,
        Handler = RunAsync,
        Utterances =
        [
            Utterance.Of(@"(please )?(invite|add) (?<email>[^\s@]+@[^\s@]+\.[^\s@]+?)( to (join )?(the |our )?(team|organi[sz]ation|company|org|workspace))?( as (an? )?(?<role>viewer|member|admin|owner))?( named (?<name>.+))?"),
            Utterance.Of(@"(send |create )?(an? )?invit(e|ation) (for|to) (?<email>[^\s@]+@[^\s@]+\.[^\s@]+?)( as (an? )?(?<role>viewer|member|admin|owner))?"),
        ],
        Prompts = new Dictionary<string, string> { ["email"] = "What is their email address?" },
        HelpExample = "invite dana@example.com as a member",
        Summarize = (string email) => $"Invite {email}",
    };

    public static async Task<ToolResult> RunAsync(
        OperatorOneDb db,
        Caller caller,
        CurrentOrganization organization,
        OutboxWriter outbox,
        TimeProvider clock,
        InvitationLinks links,
        IOptions<OnboardingOptions> onboarding,
        [Description("Their email address.")] string email,
        [Description("The role they get: viewer, member (the usual), admin or owner.")] MemberRole role = MemberRole.Member,
        [Description("Their name, if given; otherwise it comes from the email.")] string? name = null,
        CancellationToken cancellationToken = default)
    {
        if (role == MemberRole.Guest || !Enum.IsDefined(role))
        {
            return ToolResult.Refused("Invite people as a viewer, member, admin or owner.");
        }
        if (role > caller.Role)
        {
            return ToolResult.Refused($"You can't invite someone as {Word(role)}: that is above your own role.");
        }
        var outcome = await MemberInvitations.InviteAsync(db, organization.Id,
            new InvitationRequest(email, role, name, null, caller.MemberId), clock.GetUtcNow(), onboarding.Value.InvitationLifetime, cancellationToken);
        if (outcome.Problem is { } problem)
        {
            return ToolResult.Refused(problem);
        }
        var member = outcome.Member!;
        var link = onboarding.Value.Absolute(links.PathFor(outcome.Invitation!));
        var emailed = await InvitationMail.QueueAsync(db, outbox, outcome, link, caller.DisplayName, clock.GetUtcNow(), cancellationToken);
        var who = outcome.IsNewMember ? $"{member.DisplayName} ({member.Email}) is invited as {Word(member.Role)}"
            : $"{member.DisplayName} ({member.Email}) is already a member ({Word(member.Role)}); here is a new sign-in link";
        return new ToolResult(
            $"{who}. {(emailed ? $"I've emailed them this link; it" : "Send them this link; it")} works once and for {(int)onboarding.Value.InvitationLifetime.TotalDays} days: {link}\n"
            + "It signs them in to the web chat. In Slack or Teams they are recognised when they write from the account with that email.")
        {
            Speak = $"I've invited {member.DisplayName}. The link is in the chat.",
        };
    }

    private static string Word(MemberRole role) => role is MemberRole.Admin or MemberRole.Owner ? $"an {role.ToString().ToLowerInvariant()}" : $"a {role.ToString().ToLowerInvariant()}";
}
