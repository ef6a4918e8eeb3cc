using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace OperatorOne.Skills.Integrations;

/// <summary>
/// Decides which addresses custom tools and webhooks may reach: public ones, plus whatever the operator's allow-list
/// names. Every address a name resolves to must pass, and the check runs again when the socket connects, so a DNS
/// answer that changes between the check and the connection (rebinding) cannot reach an internal address.
/// </summary>
public sealed class OutboundGuard(IOptions<IntegrationsOptions> options, Func<string, CancellationToken, Task<IPAddress[]>>? resolve = null)
{
    private readonly Func<string, CancellationToken, Task<IPAddress[]>> _resolve = resolve ?? Dns.GetHostAddressesAsync;
    private readonly OutboundAllowList _allowed = OutboundAllowList.Parse(options.Value.AllowedHosts);

    /// <summary>Why <paramref name="url"/> may not be called, or null when it may (its host resolved and checked now).</summary>
    public async Task<string?> RefusalAsync(Uri url, CancellationToken cancellationToken)
    {
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            return "Only http and https addresses can be called.";
        }
        if (url.UserInfo.Length > 0)
        {
            return "The address must not carry a user name or password; use a header instead.";
        }
        try
        {
            await AddressesAsync(url.IdnHost, cancellationToken);
            return null;
        }
        catch (OutboundRefusedException refused)
        {
            return refused.Message;
        }
    }

    /// <summary>The addresses <paramref name="host"/> may be reached at; throws <see cref="OutboundRefusedException"/> when none may.</summary>
    public async Task<IPAddress[]> AddressesAsync(string host, CancellationToken cancellationToken)
    {
        host = host.Trim('[', ']');
        IPAddress[] addresses;
        try
        {
            addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await _resolve(host, cancellationToken);
        }
        catch (SocketException)
        {
            throw new OutboundRefusedException($"{host} could not be resolved.");
        }
        if (addresses.Length == 0)
        {
            throw new OutboundRefusedException($"{host} could not be resolved.");
        }
        if (_allowed.Names(host))
        {
            return addresses;
        }
        if (addresses.FirstOrDefault(a => !IsPublic(a) && !_allowed.Contains(a)) is { } blocked)
        {
            throw new OutboundRefusedException(
                $"{host} resolves to {blocked}, a private, loopback or link-local address; only the operator's Integrations:AllowedHosts can permit it.");
        }
        return addresses;
    }

    /// <summary>Reachable across the internet: not loopback, private, carrier-grade NAT, link-local, unique-local, multicast or reserved.</summary>
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        var b = address.GetAddressBytes();
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            return !(b[0] is 0 or 10 or 127 || b[0] >= 224
                || (b[0] == 100 && (b[1] & 0xC0) == 64)
                || (b[0] == 169 && b[1] == 254)
                || (b[0] == 172 && (b[1] & 0xF0) == 16)
                || (b[0] == 192 && b[1] == 168)
                || (b[0] == 192 && b[1] == 0 && b[2] is 0 or 2)
                || (b[0] == 198 && (b[1] & 0xFE) == 18)
                || (b[0] == 198 && b[1] == 51 && b[2] == 100)
                || (b[0] == 203 && b[1] == 0 && b[2] == 113));
        }
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return false;
        }
        if (address.Equals(IPAddress.IPv6Loopback) || address.Equals(IPAddress.IPv6Any) || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal
            || address.IsIPv6Multicast || address.IsIPv6UniqueLocal || address.IsIPv6Teredo)
        {
            return false;
        }
        // NAT64 (64:ff9b::/96) and 6to4 (2002::/16) carry an IPv4 address that decides; IPv4-compatible (::/96) and documentation (2001:db8::/32) are never public.
        if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b)
        {
            return IsPublic(new IPAddress(b[12..16]));
        }
        if (b[0] == 0x20 && b[1] == 0x02)
        {
            return IsPublic(new IPAddress(b[2..6]));
        }
        return !(b[..12].All(x => x == 0) || (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == 0xb8));
    }
}
