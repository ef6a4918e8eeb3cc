using System.Net;

namespace OperatorOne.Bot.Hosting.RequestHardening;

/// <summary>
/// The "ForwardedHeaders" section: the reverse proxies whose X-Forwarded-For/-Proto/-Host are believed. Empty (the
/// default): none are, and every request is taken as it arrived.
/// </summary>
internal sealed class ProxyOptions
{
    public const string Section = "ForwardedHeaders";

    /// <summary>Proxy addresses, e.g. 127.0.0.1 for nginx or Caddy on the same host.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Proxy networks in CIDR notation, e.g. 10.0.0.0/8 for a Kubernetes ingress.</summary>
    public List<string> KnownNetworks { get; set; } = [];

    /// <summary>How many proxies in front of the bot may each add an entry (the nearest first).</summary>
    public int ForwardLimit { get; set; } = 1;

    public bool Any => KnownProxies.Count > 0 || KnownNetworks.Count > 0;

    public IEnumerable<IPAddress> Proxies() => KnownProxies.Select((text, i) => IPAddress.TryParse(text.Trim(), out var address)
        ? address
        : throw new InvalidOperationException($"{Section}:KnownProxies:{i} must be an IP address, not '{text}'."));

    public IEnumerable<IPNetwork> Networks() => KnownNetworks.Select((text, i) => IPNetwork.TryParse(text.Trim(), out var network)
        ? network
        : throw new InvalidOperationException($"{Section}:KnownNetworks:{i} must be a network in CIDR notation such as 10.0.0.0/8, not '{text}'."));
}
