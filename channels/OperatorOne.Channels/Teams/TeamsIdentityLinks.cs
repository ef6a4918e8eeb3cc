using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OperatorOne.Bot.Core.Activities;
using OperatorOne.Bot.Core.Invitations;
using OperatorOne.Bot.Core.Tenancy;
using OperatorOne.Data;
using OperatorOne.Data.Channels;
using OperatorOne.Data.Members;

namespace OperatorOne.Channels.Teams;

/// <summary>
/// Links a Teams user to a member the first time they write, by the email (else the userPrincipalName) the
/// conversation roster gives for them, within the organization that installed the tenant — as Slack links by the
/// verified email of users.info. Only one active member with that exact email is linked; everyone else stays a guest.
/// </summary>
internal sealed class TeamsIdentityLinks(IServiceScopeFactory scopes, TimeProvider clock, ILogger<TeamsIdentityLinks> logger)
{
    /// <summary>
    /// Users looked up lately, linked or without a match: nothing to do for them, so a member's every message costs no
    /// look-up (three statements before the turn) and a guest's no roster call. A link removed meanwhile is made again by
    /// email at most this long after.
    /// </summary>
    private static readonly TimeSpan MissMemory = TimeSpan.FromMinutes(10);
    private readonly ConcurrentDictionary<(string Tenant, string User), DateTimeOffset> _settled = new();

    public async Task EnsureLinkedAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (activity.Type != ActivityTypes.Message || TeamsTurns.TenantId(activity) is not { } tenant
            || activity.From is not { Id.Length: > 0 } from || activity.Conversation is not { Id.Length: > 0 } conversation
            || activity.ServiceUrl is not { Length: > 0 } serviceUrl)
        {
            return;
        }
        var userId = string.IsNullOrEmpty(from.AadObjectId) ? from.Id : from.AadObjectId;
        var now = clock.GetUtcNow();
        if (_settled.TryGetValue((tenant, userId), out var until) && until > now)
        {
            return;
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OperatorOneDb>();
        if (await Installations.FindOrganizationAsync(db, ChannelNames.Teams, tenant, cancellationToken) is not { } organizationId)
        {
            return;
        }
        await db.UseOrganizationAsync(organizationId, cancellationToken);
        if (await db.ChannelIdentities.AnyAsync(i => i.Channel == ChannelNames.Teams && i.ExternalId == userId, cancellationToken))
        {
            _settled[(tenant, userId)] = now + MissMemory;
            return;
        }
        var roster = await scope.ServiceProvider.GetRequiredService<TeamsConnector>().GetMemberAsync(serviceUrl, conversation.Id, from.Id, cancellationToken);
        var member = await FindByEmailAsync(db, Email(roster), cancellationToken);
        if (member is null)
        {
            _settled[(tenant, userId)] = now + MissMemory;
            return;
        }
        db.ChannelIdentities.Add(new ChannelIdentity
        {
            Id = Guid.NewGuid(), OrganizationId = organizationId, MemberId = member.Id, Channel = ChannelNames.Teams, ExternalId = userId, CreatedAt = now,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Linked Teams user {User} in tenant {Tenant} to member {Member} by email", userId, tenant, member.Id);
        }
        catch (DbUpdateException)
        {
            // A concurrent message of the same user linked them first.
        }
    }

    /// <summary>The roster's email, else its userPrincipalName when that is an address.</summary>
    internal static string? Email(System.Text.Json.Nodes.JsonObject? roster)
    {
        foreach (var field in new[] { "email", "userPrincipalName" })
        {
            if (roster?[field] is { } node && node.GetValueKind() == JsonValueKind.String
                && MemberInvitations.Address(node.GetValue<string>()) is { } address)
            {
                return address;
            }
        }
        return null;
    }

    private static async Task<Member?> FindByEmailAsync(OperatorOneDb db, string? email, CancellationToken cancellationToken)
    {
        if (email is null)
        {
            return null;
        }
        // Case-insensitive and literal: the email's own '_' or '%' must not act as wildcards.
        var pattern = email.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal);
        var matches = await db.Members.Where(m => m.IsActive && m.Email != null && EF.Functions.ILike(m.Email, pattern, @"\"))
            .Take(2).ToListAsync(cancellationToken);
        return matches.Count == 1 ? matches[0] : null;
    }
}
