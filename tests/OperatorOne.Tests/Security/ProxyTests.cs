using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OperatorOne.Channels.Slack;
using OperatorOne.Tests.Infrastructure;
using OperatorOne.Tests.WebChat;

namespace OperatorOne.Tests.Security;

/// <summary>
/// Behind a configured proxy the bot sees the client's scheme, host and address: cookies are Secure behind TLS, Direct
/// Line hands out wss:// stream URLs, and demo sign-in is refused because the client is not this machine.
/// </summary>
public sealed class ProxyTests(ProxiedBot proxied) : IClassFixture<ProxiedBot>
{
    private static HttpRequestMessage ThroughProxy(HttpMethod method, string path, string proto = "https") =>
        new(method, path)
        {
            Headers =
            {
                { "X-Forwarded-For", "203.0.113.7" },
                { "X-Forwarded-Proto", proto },
                { "X-Forwarded-Host", "bot.example.com" },
            },
        };

    [Fact]
    public async Task TheSlackInstallStateCookieIsSecureBehindATlsProxy()
    {
        var organization = await TestOrganization.CreateAsync(proxied.Host);
        var link = proxied.Host.Services.GetRequiredService<SlackInstallState>().InstallLink(organization.Id);
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = proxied.Host.BaseAddress };

        var tls = await http.SendAsync(ThroughProxy(HttpMethod.Get, link));
        var plain = await http.SendAsync(ThroughProxy(HttpMethod.Get, link, proto: "http"));

        Assert.Equal(HttpStatusCode.Redirect, tls.StatusCode);
        Assert.Contains("secure", tls.Headers.GetValues("Set-Cookie").Single(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("redirect_uri=https%3A%2F%2Fbot.example.com%2Fapi%2Fslack%2Foauth%2Fcallback", tls.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("secure", plain.Headers.GetValues("Set-Cookie").Single(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task DirectLineStreamUrlsAreWssBehindATlsProxy()
    {
        var organization = await TestOrganization.CreateAsync(proxied.Host);
        using var client = new DirectLineClient(proxied.Host);
        var (_, token) = await client.GenerateAsync(organization, "member");
        using var http = proxied.Host.CreateClient();
        using var request = ThroughProxy(HttpMethod.Post, "/v3/directline/conversations");
        request.Headers.Authorization = new("Bearer", token);

        var started = await http.SendAsync(request);

        started.EnsureSuccessStatusCode();
        Assert.StartsWith("wss://bot.example.com/", (await started.Content.ReadFromJsonAsync<JsonObject>())!["streamUrl"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DemoSignInThroughTheProxyIsRefusedEvenForALocalClient()
    {
        using var http = proxied.Host.CreateClient();
        using var request = ThroughProxy(HttpMethod.Post, "/webchat/demo/token");
        request.Headers.Remove("X-Forwarded-For");
        request.Headers.Add("X-Forwarded-For", "127.0.0.1");
        request.Content = JsonContent.Create(new { member = "owner" });

        var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}

/// <summary>Without ForwardedHeaders settings no proxy is believed: the same headers change nothing.</summary>
[Collection(BotCollection.Name)]
public sealed class UnlistedProxyTests(BotHost host)
{
    [Fact]
    public async Task ForwardedHeadersFromAnUnlistedProxyAreIgnored()
    {
        var organization = await TestOrganization.CreateAsync(host);
        using var client = new DirectLineClient(host);
        var (_, token) = await client.GenerateAsync(organization, "member");
        using var http = host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/conversations");
        request.Headers.Authorization = new("Bearer", token);
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-Host", "evil.example.com");

        var started = await http.SendAsync(request);

        started.EnsureSuccessStatusCode();
        var streamUrl = (await started.Content.ReadFromJsonAsync<JsonObject>())!["streamUrl"]!.GetValue<string>();
        Assert.StartsWith($"ws://{host.BaseAddress.Authority}/", streamUrl, StringComparison.Ordinal);
    }
}
