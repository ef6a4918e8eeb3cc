using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OperatorOne.Bot.Core.Security;
using OperatorOne.Bot.Core.Tenancy;
using OperatorOne.Data;
using OperatorOne.Data.Channels;

namespace OperatorOne.Channels.Email;

/// <summary>The support mailboxes (email installations of every organization) and the password each signs in with.</summary>
internal sealed class EmailMailboxes(IServiceScopeFactory scopes, SecretBox secrets, IOptions<EmailOptions> options)
{
    public async Task<List<Mailbox>> ListAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OperatorOneDb>();
        return await db.Database
            .SqlQuery<Mailbox>($"SELECT organization_id AS \"OrganizationId\", address AS \"Address\" FROM op_email_mailboxes()")
            .ToListAsync(cancellationToken);
    }

    /// <summary>The configured password for Email:Address, else the installation's own (stored encrypted); null when it has none.</summary>
    public async Task<string?> PasswordAsync(string address, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!string.IsNullOrEmpty(settings.Password) && string.Equals(settings.Address?.Trim(), address, StringComparison.OrdinalIgnoreCase))
        {
            return settings.Password;
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OperatorOneDb>();
        if (await Installations.FindOrganizationAsync(db, ChannelNames.Email, address, cancellationToken) is not { } organizationId)
        {
            return null;
        }
        await db.UseOrganizationAsync(organizationId, cancellationToken);
        var cipher = await db.ChannelInstallations
            .Where(i => i.Channel == ChannelNames.Email && i.ExternalId == address && i.RevokedAt == null && i.VerifiedAt != null)
            .Select(i => i.SecretCipher).SingleOrDefaultAsync(cancellationToken);
        return cipher is null ? null : secrets.Decrypt(cipher);
    }
}

/// <summary>One support mailbox: its address (the installation's external id) and the organization it serves.</summary>
internal sealed record Mailbox(Guid OrganizationId, string Address);
