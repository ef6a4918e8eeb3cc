using System.Net;

namespace OperatorOne.AdminApi.Oidc;

/// <summary>
/// One organization's identity provider: tokens whose audience is <see cref="Audience"/>, signed by the keys published
/// at <see cref="Authority"/>/.well-known/openid-configuration, with that document's issuer.
/// </summary>
internal sealed class OidcProvider
{
    public Guid OrganizationId { get; set; }

    /// <summary>The issuer's base address, e.g. https://login.microsoftonline.com/&lt;tenant id&gt;/v2.0.</summary>
    public string Authority { get; set; } = "";

    /// <summary>The audience (aud) tokens for the admin API carry, e.g. api://operatorone-admin.</summary>
    public string Audience { get; set; } = "";

    public Uri MetadataUrl => new($"{Authority.TrimEnd('/')}/.well-known/openid-configuration");

    /// <summary>What is wrong with the AdminApi:Oidc list, one message per problem.</summary>
    public static IEnumerable<string> Problems(IReadOnlyList<OidcProvider> providers)
    {
        for (var i = 0; i < providers.Count; i++)
        {
            var provider = providers[i];
            if (provider.OrganizationId == Guid.Empty)
            {
                yield return $"AdminApi:Oidc:{i}:OrganizationId must be the organization's id.";
            }
            // Plain http only for a loopback issuer (a local stand-in): anything else could be tampered with on the way.
            if (!Uri.TryCreate(provider.Authority, UriKind.Absolute, out var authority)
                || !(authority.Scheme == Uri.UriSchemeHttps || authority.Scheme == Uri.UriSchemeHttp && IsLoopback(authority)))
            {
                yield return $"AdminApi:Oidc:{i}:Authority must be an https URL (http only on loopback).";
            }
            if (string.IsNullOrWhiteSpace(provider.Audience))
            {
                yield return $"AdminApi:Oidc:{i}:Audience is required.";
            }
            if (providers.Take(i).Any(p => p.OrganizationId == provider.OrganizationId))
            {
                yield return $"AdminApi:Oidc:{i}: organization {provider.OrganizationId} already has an identity provider.";
            }
        }
    }

    private static bool IsLoopback(Uri uri) => uri.IsLoopback || IPAddress.TryParse(uri.Host, out var address) && IPAddress.IsLoopback(address);
}
