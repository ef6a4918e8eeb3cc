using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OperatorOne.Bot.Core.Activities;
using OperatorOne.Bot.Core.Security;
using OperatorOne.Bot.Core.Tenancy;
using OperatorOne.Data;
using OperatorOne.Data.Audit;
using OperatorOne.Data.Channels;

namespace OperatorOne.Channels.Teams;

/// <summary>
/// "verify CODE" in a signed message from a tenant: the pending claim on that tenant holding the code is proven (unless
/// another organization already holds the tenant), audited, and the sender told. Anything else goes on as a turn.
/// </summary>
internal sealed partial class TeamsTenantConfirmation(OperatorOneDb db, TeamsConnector connector, TimeProvider clock, ILogger<TeamsTenantConfirmation> logger)
{
    /// <summary>Said only to someone inside the tenant, whose fact it is.</summary>
    public const string Taken = "This Teams tenant is connected to another organization; it must be disconnected there before it can serve this one.";

    public const string Wrong = "That code does not prove this tenant for any organization. Ask your OperatorOne administrator for a new one.";

    /// <summary>True when the activity was a verification message, now answered; false to handle it as usual.</summary>
    public async Task<bool> TryConfirmAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (activity.Type != ActivityTypes.Message || TeamsTurns.TenantId(activity) is not { } tenant
            || VerifyMessage().Match(Mentions().Replace(activity.Text ?? "", "")) is not { Success: true } said
            || TeamsTurns.ToInboundTurn(activity) is not { } turn)
        {
            return false;
        }
        var code = $"{said.Groups["a"].Value}-{said.Groups["b"].Value}".ToUpperInvariant();
        var answer = await ConfirmAsync(tenant, code, cancellationToken);
        await connector.ReplyAsync(activity.ServiceUrl!, turn.Reference.Conversation.Id, activity.Id!, turn.Reference.Address(Activity.Message(answer)), cancellationToken);
        return true;
    }

    private async Task<string> ConfirmAsync(string tenant, string code, CancellationToken cancellationToken)
    {
        var hash = SecretBox.Hash(code);
        var claims = await db.Database.SqlQuery<Claim>($"""
            SELECT organization_id AS "OrganizationId", installation_id AS "InstallationId"
            FROM op_find_challenged_installation({ChannelNames.Teams}, {tenant}, {hash})
            """).ToListAsync(cancellationToken);
        if (claims is not [var claim])
        {
            logger.LogWarning("A Teams verification code from tenant {Tenant} matched no pending claim", tenant);
            return Wrong;
        }
        await db.UseOrganizationAsync(claim.OrganizationId, cancellationToken);
        var installation = await db.ChannelInstallations.SingleAsync(i => i.Id == claim.InstallationId, cancellationToken);
        var now = clock.GetUtcNow();
        var proven = await Installations.MarkProvenAsync(db, installation, InstallationProofs.TeamsSignedActivity, Taken, now, cancellationToken);
        db.AuditEvents.Add(new AuditEvent
        {
            OrganizationId = claim.OrganizationId,
            Kind = AuditKinds.ChannelVerified,
            Outcome = proven ? "ok" : "refused",
            Detail = JsonSerializer.Serialize(new { channel = ChannelNames.Teams, tenant, proof = InstallationProofs.TeamsSignedActivity }),
            CreatedAt = now,
        });
        await db.SaveChangesAsync(cancellationToken);
        if (!proven)
        {
            return Taken;
        }
        var name = await db.Organizations.Select(o => o.Name).SingleAsync(cancellationToken);
        logger.LogInformation("Teams tenant {Tenant} proven for organization {Organization}", tenant, claim.OrganizationId);
        return $"This Microsoft Teams tenant is now connected to {name} in OperatorOne.";
    }

    [GeneratedRegex(@"^\s*verify\s+(?<a>[A-Za-z0-9]{4})-?(?<b>[A-Za-z0-9]{4})\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex VerifyMessage();

    /// <summary>In a channel the message starts with the bot's mention.</summary>
    [GeneratedRegex("<at>.*?</at>", RegexOptions.IgnoreCase)]
    private static partial Regex Mentions();

    private sealed record Claim(Guid OrganizationId, Guid InstallationId);
}
