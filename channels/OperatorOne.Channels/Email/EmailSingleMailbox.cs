using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OperatorOne.Bot.Core.Notices;
using OperatorOne.Bot.Core.Tenancy;
using OperatorOne.Data;
using OperatorOne.Data.Channels;

namespace OperatorOne.Channels.Email;

/// <summary>
/// The mailbox in configuration (Email:Address) needs no admin call: at start it becomes an email installation of
/// Email:OrganizationId, or, when that is not set, of the only organization there is.
/// </summary>
internal sealed class EmailSingleMailbox(IServiceScopeFactory scopes, IOptions<EmailOptions> options, TimeProvider clock, ILogger<EmailSingleMailbox> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.IsEnabled || EmailConversations.Address(settings.Address) is not { } address)
        {
            return;
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OperatorOneDb>();
        var organizationId = settings.OrganizationId ?? await OnlyOrganizationAsync(db, stoppingToken);
        if (organizationId is not { } target)
        {
            logger.LogError("Email:Address {Address} has no organization: set Email:OrganizationId (there is not exactly one organization to default to)", address);
            return;
        }
        var owner = await Installations.FindOrganizationAsync(db, ChannelNames.Email, address, stoppingToken);
        if (owner is { } other && other != target)
        {
            logger.LogError("Mailbox {Address} is already connected to organization {Other}, not {Target}; leaving it there", address, other, target);
            return;
        }
        await db.UseOrganizationAsync(target, stoppingToken);
        if (!await db.Organizations.AnyAsync(o => o.Id == target, stoppingToken))
        {
            logger.LogError("Email:OrganizationId {Organization} does not exist; mailbox {Address} is not connected", target, address);
            return;
        }
        if (owner is null)
        {
            // Whoever runs the server named this mailbox in its configuration: that is its proof (a pending claim of it is proven too).
            var now = clock.GetUtcNow();
            var installation = await db.ChannelInstallations.SingleOrDefaultAsync(i => i.Channel == ChannelNames.Email && i.ExternalId == address, stoppingToken);
            if (installation is null)
            {
                installation = new ChannelInstallation
                {
                    Id = Guid.NewGuid(), OrganizationId = target, Channel = ChannelNames.Email, ExternalId = address,
                    DisplayName = settings.DisplayName, CreatedAt = now,
                };
                db.ChannelInstallations.Add(installation);
            }
            installation.VerifiedAt = now;
            installation.Proof = InstallationProofs.EmailConfiguration;
            installation.PendingReason = null;
            await db.SaveChangesAsync(stoppingToken);
        }
        logger.LogInformation("Mailbox {Address} serves organization {Organization}", address, target);
    }

    private static async Task<Guid?> OnlyOrganizationAsync(OperatorOneDb db, CancellationToken cancellationToken)
    {
        var ids = await db.Database.SqlQuery<Guid>($"SELECT op_organization_ids AS \"Value\" FROM op_organization_ids() LIMIT 2").ToListAsync(cancellationToken);
        return ids.Count == 1 ? ids[0] : null;
    }
}
