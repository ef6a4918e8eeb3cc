using System.Net;

namespace OperatorOne.Skills.Integrations;

/// <summary>The operator's Integrations:AllowedHosts: host names, addresses and CIDR ranges that may be private.</summary>
internal sealed class OutboundAllowList(HashSet<string> names, List<IPNetwork> networks)
{
    public static OutboundAllowList Parse(IEnumerable<string> entries)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var networks = new List<IPNetwork>();
        foreach (var entry in entries.Select(e => e.Trim()).Where(e => e.Length > 0))
        {
            if (IPNetwork.TryParse(entry, out var network))
            {
                networks.Add(network);
            }
            else if (IPAddress.TryParse(entry.Trim('[', ']'), out var address))
            {
                networks.Add(new IPNetwork(address, address.GetAddressBytes().Length * 8));
            }
            else
            {
                names.Add(entry.TrimEnd('.'));
            }
        }
        return new OutboundAllowList(names, networks);
    }

    public bool Names(string host) => names.Contains(host.TrimEnd('.'));

    public bool Contains(IPAddress address)
    {
        var plain = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        return networks.Any(n => n.Contains(plain));
    }
}
