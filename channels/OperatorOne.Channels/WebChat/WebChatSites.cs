using Microsoft.EntityFrameworkCore;
using OperatorOne.Bot.Core.Security;
using OperatorOne.Bot.Core.Tenancy;
using OperatorOne.Data;
using OperatorOne.Data.Channels;

namespace OperatorOne.Channels.WebChat;

/// <summary>Finds the web chat site (a channel installation) a presented site secret belongs to.</summary>
internal sealed class WebChatSites(OperatorOneDb db)
{

    /// <summary>The organization a site belongs to, found before any tenant is set; null when no such site.</summary>
    public Task<Guid?> FindOrganizationAsync(string site, CancellationToken cancellationToken) =>
        Installations.FindOrganizationAsync(db, ChannelNames.WebChat, site, cancellationToken);

    /// <summary>
    /// The caller for a secret of the form <c>&lt;siteId&gt;.&lt;random&gt;</c>, or null when it matches no site.
    /// Leaves the context scoped to the site's organization.
    /// </summary>
    public async Task<DirectLineCaller?> AuthenticateSecretAsync(string secret, CancellationToken cancellationToken)
    {
        var dot = secret.LastIndexOf('.');
        if (dot <= 0)
        {
            return null;
        }
        var site = secret[..dot];
        if (await FindOrganizationAsync(site, cancellationToken) is not { } organizationId)
        {
            return null;
        }
        await db.UseOrganizationAsync(organizationId, cancellationToken);
        var hash = await db.ChannelInstallations
            .Where(i => i.Channel == ChannelNames.WebChat && i.ExternalId == site)
            .Select(i => i.SecretHash)
            .SingleOrDefaultAsync(cancellationToken);
        return SecretBox.Matches(secret, hash) ? new DirectLineCaller(site, organizationId, null) : null;
    }
}
