using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OperatorOne.Bot.Core.Tools;

namespace OperatorOne.Skills.Admin;

/// <summary>Operations for admins and owners: status, members and roles, teams, approvals, the audit log, identity links.</summary>
public static class AdminSkill
{
    internal static IReadOnlyList<ToolDefinition> Tools { get; } =
    [
        SystemStatus.Definition,
        ListMembers.Definition,
        ChangeMemberRole.Definition,
        RemoveMember.Definition,
        PendingApprovals.Definition,
        DecideApproval.Definition,
        AuditTrail.Definition,
        LinkIdentity.Definition,
        InviteMember.Definition,
        SetBusinessContext.Definition,
        CreateTeam.Definition,
        AddTeamMember.Definition,
        RemoveTeamMember.Definition,
        ListTeams.Definition,
        RecognitionMissesTool.Definition,
    ];

    public static IHostApplicationBuilder AddAdmin(this IHostApplicationBuilder builder)
    {
        foreach (var tool in Tools)
        {
            builder.Services.AddSingleton(tool);
        }
        return builder;
    }
}
