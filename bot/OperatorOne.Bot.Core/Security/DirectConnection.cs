using System.Net;
using Microsoft.AspNetCore.Http;

namespace OperatorOne.Bot.Core.Security;

/// <summary>
/// Whether a request comes straight from this machine: a loopback peer and no header a proxy adds. A reverse proxy on
/// the same host makes every request look local, so the address alone is never trusted; the forwarding headers are
/// also the ones ASP.NET Core's forwarded-headers middleware leaves behind (X-Original-*) when it applied them.
/// </summary>
public static class DirectConnection
{
    private static readonly string[] ProxyHeaders =
    [
        "Forwarded", "X-Forwarded-For", "X-Forwarded-Host", "X-Forwarded-Proto", "X-Forwarded-Prefix", "X-Forwarded-Port",
        "X-Forwarded-Server", "X-Forwarded-Ssl", "X-Real-IP", "X-Original-For", "X-Original-Host", "X-Original-Proto",
        "X-Original-Prefix", "X-Client-IP", "True-Client-IP", "CF-Connecting-IP", "Fastly-Client-IP", "X-Cluster-Client-IP",
        "Client-IP", "X-ProxyUser-Ip", "Via",
    ];

    public static bool IsLocal(HttpContext http) =>
        http.Connection.RemoteIpAddress is { } address
        && IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address)
        && !ProxyHeaders.Any(http.Request.Headers.ContainsKey);

    /// <summary>The reason given when a local-only convenience is asked for any other way.</summary>
    public const string Refusal = "This works only from a browser or client on the bot's own machine, connected directly (not through a proxy).";
}
