using System.ComponentModel;
using Microsoft.EntityFrameworkCore;
using OperatorOne.Bot.Core.Members;
using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Data;
using OperatorOne.Data.Members;

namespace OperatorOne.Skills.Admin;

/// <summary>Admin tier: a role is a permission, so another admin approves the change.</summary>
internal static class ChangeMemberRole
{
    public static ToolDefinition Definition { get; } = new()
    {
        Name = "change_member_role",
        Description = "Change a member's role",
        Tier = ToolTier.Admin,
        MinimumRole = MemberRole.Admin,
        Handler = RunAsync,
        Utterances =
        [
            Utterance.Of("make (?<member>.+?) (an? )?(?<role>viewer|member|admin|owner)"),
            Utterance.Of("(change|set) (the )?role (of|for) (?<member>.+?) to (an? )?(?<role>viewer|member|admin|owner)"),
            Utterance.Of("(change|set) (?<member>.+?)(['’]s)? role to (an? )?(?<role>viewer|member|admin|owner)"),
            Utterance.Of("(promote|demote|downgrade|upgrade|move|switch) (?<member>.+?) to (an? )?(?<role>viewer|member|admin|owner)"),
            Utterance.Of("give (?<member>.+?) (the )?(?<role>viewer|member|admin|owner) role"),
        ],
        Prompts = new Dictionary<string, string>
        {
            ["member"] = "Whose role should change?",
            ["role"] = "Which role: viewer, member, admin or owner?",
        },
        HelpExample = "make mia an admin",
        Summarize = SummarizeAsync,
        Check = CheckAsync,
    };

    public static async Task<ToolResult> RunAsync(
        OperatorOneDb db,
        Caller caller,
        [Description("The member's handle or name.")] string member,
        [Description("The new role.")] MemberRole role,
        CancellationToken cancellationToken = default)
    {
        var who = await MemberNames.ResolveAsync(db, member, caller.MemberId, cancellationToken);
        if (who.Member is not { } found)
        {
            return ToolResult.Refused(who.Problem!);
        }
        var target = await db.Members.SingleAsync(m => m.Id == found.Id, cancellationToken);
        var refusal = Refusal(caller, target, role)
            ?? (role == MemberRole.Owner ? null : await Owners.LastOwnerRefusalAsync(db, target, cancellationToken));
        if (refusal is not null)
        {
            return ToolResult.Refused(refusal);
        }
        var before = target.Role;
        target.Role = role;
        return new ToolResult($"{target.DisplayName} is now {Word(role)} (was {Word(before)}).");
    }

    /// <summary>Nobody changes their own role; only an owner makes or unmakes owners; guests are not a role to give.</summary>
    public static string? Refusal(Caller caller, Member target, MemberRole role) =>
        role == MemberRole.Guest ? "Guest is not a role a member can have; remove the member instead."
        : target.Id == caller.MemberId ? "You can't change your own role; ask another admin."
        : target.Role == role ? $"{target.DisplayName} is already {Word(role)}."
        : (role == MemberRole.Owner || target.Role == MemberRole.Owner) && caller.Role < MemberRole.Owner ? "Only an owner can make or unmake owners."
        : null;

    /// <summary>No approval is asked for a member who does not exist or a change that would be refused anyway.</summary>
    private static async Task<ToolResult?> CheckAsync(OperatorOneDb db, Caller caller, string member, MemberRole role, CancellationToken cancellationToken)
    {
        var who = await MemberNames.ResolveAsync(db, member, caller.MemberId, cancellationToken);
        if (who.Member is not { } found)
        {
            return ToolResult.Refused(who.Problem!);
        }
        var target = await db.Members.AsNoTracking().SingleAsync(m => m.Id == found.Id, cancellationToken);
        return Refusal(caller, target, role) is { } refusal ? ToolResult.Refused(refusal) : null;
    }

    private static string Word(MemberRole role) => role.ToString().ToLowerInvariant();

    private static async Task<string> SummarizeAsync(OperatorOneDb db, Caller caller, string member, MemberRole role, CancellationToken cancellationToken)
    {
        var who = await MemberNames.ResolveAsync(db, member, caller.MemberId, cancellationToken);
        return $"Change {who.Member?.DisplayName ?? member}'s role to {Word(role)}";
    }
}
