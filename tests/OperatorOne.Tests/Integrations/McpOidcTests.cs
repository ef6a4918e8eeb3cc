using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Client;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Data.Members;
using OperatorOne.Tests.AdminApi;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.Integrations;

/// <summary>/mcp through the official C# MCP client with the organization's OIDC bearer tokens instead of API keys.</summary>
public sealed class McpOidcTests(OidcHost oidc) : IClassFixture<OidcHost>
{
    private BotHost Host => oidc.Host;
    private TestOrganization Org => oidc.Organization;
    private LocalIdentityProvider Provider => oidc.Provider;

    [Fact]
    public async Task ATokenActsAsItsMemberAndListsExactlyTheToolsThatMembersRoleAllows()
    {
        const string name = "order_status";
        await CustomTools.CreateAsync(Host, Org, new JsonObject
        {
            ["name"] = name, ["description"] = "Look up an order", ["url"] = "http://127.0.0.1:9/orders/{order_id}", ["minimumRole"] = "member",
        });
        var builtIn = Host.Services.GetRequiredService<ToolRegistry>().All;

        foreach (var (handle, role) in new[] { ("viewer", MemberRole.Viewer), ("member", MemberRole.Member), ("admin", MemberRole.Admin) })
        {
            await using var client = await ConnectAsync(Provider.Token(OidcHost.Email(Org, handle)));
            var listed = (await client.ListToolsAsync()).Select(t => t.Name).ToHashSet();

            // Built-in tools the role reaches (a tool taking a secret, like the voice PIN, is used in chat only), and the custom tool from member up.
            var allowed = builtIn.Where(t => t.Definition.MinimumRole <= role && t.Definition.SecretParameters.Count == 0).Select(t => t.Name).ToHashSet();
            if (role >= MemberRole.Member)
            {
                allowed.Add(name);
            }
            Assert.True(allowed.SetEquals(listed),
                $"{handle}: missing {string.Join(", ", allowed.Except(listed))}; extra {string.Join(", ", listed.Except(allowed))}");
        }
    }

    [Fact]
    public async Task AToolCalledWithATokenRunsAsThatMemberAndIsAuditedWithTheTokenSubject()
    {
        var subject = $"sub-{Guid.NewGuid():N}";
        await using var member = await ConnectAsync(Provider.Token(OidcHost.Email(Org, "member"), subject: subject));
        var title = $"Dock station flickers {Guid.NewGuid():N}";

        var created = await member.CallToolAsync("create_ticket", new Dictionary<string, object?> { ["title"] = title });

        Assert.NotEqual(true, created.IsError);
        var state = await Host.InOrganizationAsync(Org.Id, async db => (
            Requester: await db.Tickets.Where(t => t.Title == title).Select(t => t.RequesterId).SingleAsync(),
            Audit: await db.AuditEvents.AsNoTracking().Where(e => e.Kind == "mcp_call" && e.Tool == "create_ticket").ToListAsync()));
        Assert.Equal(Org.Members["member"], state.Requester);
        Assert.Equal([(Guid?)Org.Members["member"]], state.Audit.Where(e => e.Detail!.Contains(subject, StringComparison.Ordinal)).Select(e => e.MemberId));
    }

    [Fact]
    public async Task AViewersTokenCannotCallAMemberTool()
    {
        await using var viewer = await ConnectAsync(Provider.Token(OidcHost.Email(Org, "viewer")));
        var title = $"Sneaky {Guid.NewGuid():N}";

        var result = await viewer.CallToolAsync("create_ticket", new Dictionary<string, object?> { ["title"] = title });

        Assert.True(result.IsError);
        Assert.Contains("needs member or above", McpClients.Text(result));
        Assert.False(await Host.InOrganizationAsync(Org.Id, db => db.Tickets.AnyAsync(t => t.Title == title)));
    }

    [Fact]
    public async Task ForgedExpiredAndForeignTokensAreRefusedBeforeAnyTool()
    {
        var email = OidcHost.Email(Org, "admin");
        using var stranger = RSA.Create(2048);
        var refused = new Dictionary<string, (string Token, string Reason)>
        {
            ["expired"] = (Provider.Token(email, expires: DateTime.UtcNow.AddMinutes(-5)), "expired"),
            ["forged signature"] = (Provider.Token(email, signWith: stranger), "signature"),
            ["another audience"] = (Provider.Token(email, audience: "api://someone-else"), "audience"),
            ["another issuer"] = (Provider.Token(email, issuer: "https://login.example.com/other/v2.0"), "issuer"),
            ["tampered payload"] = (Tampered(Provider.Token(email)), "signature"),
        };

        foreach (var (what, (token, reason)) in refused)
        {
            await Assert.ThrowsAnyAsync<Exception>(async () => await ConnectAsync(token));
            using var http = Host.CreateClient();
            using var request = new HttpRequestMessage(HttpMethod.Post, "/mcp") { Content = new StringContent("""{"jsonrpc":"2.0","id":1,"method":"tools/list"}""", Encoding.UTF8, "application/json") };
            request.Headers.Authorization = new("Bearer", token);
            request.Headers.Accept.ParseAdd("application/json, text/event-stream");
            using var response = await http.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{what}: {response.StatusCode}");
            Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.ToString());
            Assert.Contains(reason, response.Headers.WwwAuthenticate.ToString(), StringComparison.OrdinalIgnoreCase);
        }
        using var nobody = Host.CreateClient();
        using var unknown = new HttpRequestMessage(HttpMethod.Post, "/mcp") { Content = new StringContent("""{"jsonrpc":"2.0","id":1,"method":"tools/list"}""", Encoding.UTF8, "application/json") };
        unknown.Headers.Authorization = new("Bearer", Provider.Token($"nobody@{Org.Id:N}.test"));
        using var notAMember = await nobody.SendAsync(unknown);
        Assert.Equal(HttpStatusCode.Forbidden, notAMember.StatusCode);
    }

    /// <summary>The token with its payload's email changed to the owner's, keeping the original signature.</summary>
    private string Tampered(string token)
    {
        var parts = token.Split('.');
        var payload = JsonNode.Parse(Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Decode(parts[1]))!;
        payload["email"] = OidcHost.Email(Org, "owner");
        return $"{parts[0]}.{Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(payload.ToJsonString())}.{parts[2]}";
    }

    private Task<McpClient> ConnectAsync(string token) => McpClients.ConnectAsync(Host, token);
}
