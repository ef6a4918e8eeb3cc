using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using OperatorOne.AdminApi.Oidc;
using OperatorOne.Data.Members;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.AdminApi;

public sealed class AdminOidcTests(OidcHost oidc) : IClassFixture<OidcHost>
{
    private BotHost Host => oidc.Host;
    private TestOrganization Org => oidc.Organization;
    private LocalIdentityProvider Provider => oidc.Provider;

    private HttpClient WithToken(string token)
    {
        var client = Host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task AssertUnauthorizedAsync(HttpResponseMessage response, string reason)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var challenge = response.Headers.WwwAuthenticate.ToString();
        Assert.Contains("Bearer error=\"invalid_token\"", challenge);
        Assert.Contains(reason, challenge);
    }

    [Fact]
    public async Task AValidTokenActsAsTheMemberWithThatEmailInTheirRole()
    {
        using var admin = WithToken(Provider.Token(OidcHost.Email(Org, "admin").ToUpperInvariant()));
        using var viewer = WithToken(Provider.Token(OidcHost.Email(Org, "viewer")));

        Assert.Equal(HttpStatusCode.OK, (await admin.PatchAsJsonAsync(AdminKeys.Base(Org), new { businessContext = "Set by a token." })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync($"{AdminKeys.Base(Org)}/members")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PatchAsJsonAsync(AdminKeys.Base(Org), new { businessContext = "No." })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync($"{AdminKeys.Base(Org)}/api-keys")).StatusCode);

        var audited = await Host.InOrganizationAsync(Org.Id, db => db.AuditEvents
            .Where(e => e.Kind == "admin_call" && e.MemberId == Org.Members["admin"] && e.Tool!.StartsWith("PATCH")).ToListAsync());
        Assert.Contains(audited, e => e.Outcome == "ok" && e.Detail!.Contains("oidc:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PreferredUsernameNamesTheMemberWhenThereIsNoEmailClaim()
    {
        using var owner = WithToken(Provider.Token(OidcHost.Email(Org, "owner"), emailClaim: "preferred_username"));

        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"{AdminKeys.Base(Org)}/api-keys")).StatusCode);
    }

    [Fact]
    public async Task AnExpiredTokenIsUnauthorized()
    {
        using var client = WithToken(Provider.Token(OidcHost.Email(Org, "admin"), expires: DateTime.UtcNow.AddMinutes(-5)));

        await AssertUnauthorizedAsync(await client.GetAsync(AdminKeys.Base(Org)), "expired");
    }

    [Fact]
    public async Task ATokenForAnotherAudienceIsUnauthorized()
    {
        using var client = WithToken(Provider.Token(OidcHost.Email(Org, "admin"), audience: "api://someone-else"));

        await AssertUnauthorizedAsync(await client.GetAsync(AdminKeys.Base(Org)), "audience");
    }

    [Fact]
    public async Task ATokenFromAnotherIssuerIsUnauthorized()
    {
        using var client = WithToken(Provider.Token(OidcHost.Email(Org, "admin"), issuer: "https://login.example.com/other/v2.0"));

        await AssertUnauthorizedAsync(await client.GetAsync(AdminKeys.Base(Org)), "issuer");
    }

    [Fact]
    public async Task ATokenWithAForgedSignatureIsUnauthorized()
    {
        using var forger = RSA.Create(2048);
        using var client = WithToken(Provider.Token(OidcHost.Email(Org, "owner"), signWith: forger));

        await AssertUnauthorizedAsync(await client.GetAsync(AdminKeys.Base(Org)), "signature");
    }

    [Fact]
    public async Task ARolledOverKeyIsFetchedWhenATokenFirstNamesItAndAnUnpublishedOneIsRefused()
    {
        using var before = WithToken(Provider.Token(OidcHost.Email(Org, "admin")));
        Assert.Equal(HttpStatusCode.OK, (await before.GetAsync(AdminKeys.Base(Org))).StatusCode);
        var rolled = $"key-{Guid.NewGuid():N}";
        Provider.Publish(rolled);
        using var after = WithToken(Provider.Token(OidcHost.Email(Org, "admin"), keyId: rolled));

        // Refetches are throttled to one a second, and an earlier test's may just have used it.
        oidc.Clock.Skip(TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, (await after.GetAsync(AdminKeys.Base(Org))).StatusCode);

        using var unpublished = WithToken(Provider.Token(OidcHost.Email(Org, "admin"), keyId: "never-published"));
        await AssertUnauthorizedAsync(await unpublished.GetAsync(AdminKeys.Base(Org)), "invalid_token");
    }

    [Fact]
    public async Task AnEmailThatIsNoActiveMemberIsForbidden()
    {
        var leaver = Guid.NewGuid();
        await Host.InOrganizationAsync(Org.Id, db =>
        {
            db.Members.Add(new Member
            {
                Id = leaver, OrganizationId = Org.Id, Handle = $"leaver{leaver:N}"[..20], DisplayName = "Lee Leaver",
                Email = $"leaver-{leaver:N}@example.com", Role = MemberRole.Owner, IsActive = false, CreatedAt = DateTimeOffset.UtcNow,
            });
            return db.SaveChangesAsync();
        });
        using var stranger = WithToken(Provider.Token("stranger@example.com"));
        using var deactivated = WithToken(Provider.Token($"leaver-{leaver:N}@example.com"));

        var refused = await stranger.GetAsync(AdminKeys.Base(Org));

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("not an active member", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await deactivated.GetAsync(AdminKeys.Base(Org))).StatusCode);
    }

    [Fact]
    public async Task AMemberOfOneOrganizationFindsNothingInAnother()
    {
        using var owner = WithToken(Provider.Token(OidcHost.Email(Org, "owner")));
        var other = oidc.Other;

        Assert.Equal(HttpStatusCode.NotFound, (await owner.GetAsync(AdminKeys.Base(other))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.GetAsync($"{AdminKeys.Base(other)}/members")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.PostAsJsonAsync($"{AdminKeys.Base(other)}/members/{other.Members["member"]}/deactivate", new { })).StatusCode);
        Assert.True(await Host.InOrganizationAsync(other.Id, db => db.Members.AnyAsync(m => m.Id == other.Members["member"] && m.IsActive)));
    }

    [Fact]
    public async Task ApiKeysKeepWorkingInAnOrganizationWithAnIdentityProvider()
    {
        using var owner = await AdminKeys.ClientAsync(Host, Org, "owner");

        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"{AdminKeys.Base(Org)}/api-keys")).StatusCode);
    }

    [Theory]
    [InlineData("a.b.c")]
    [InlineData("eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.")]
    public async Task AMalformedOrUnsignedTokenIsUnauthorized(string token)
    {
        using var client = WithToken(token);

        var response = await client.GetAsync(AdminKeys.Base(Org));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task TokensAreRateLimitedPerSubject()
    {
        var subject = Guid.NewGuid().ToString("N");
        using var client = WithToken(Provider.Token(OidcHost.Email(Org, "viewer"), subject: subject));
        using var someoneElse = WithToken(Provider.Token(OidcHost.Email(Org, "viewer")));

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i <= OidcHost.RequestsPerMinute; i++)
        {
            statuses.Add((await client.GetAsync($"{AdminKeys.Base(Org)}/outbox")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        Assert.All(statuses[..^1], s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.OK, (await someoneElse.GetAsync($"{AdminKeys.Base(Org)}/outbox")).StatusCode);
    }

    [Fact]
    public void IdentityProviderSettingsAreCheckedAtStart()
    {
        var organization = Guid.NewGuid();
        OidcProvider Provider(string authority, string audience = "api://x", Guid? org = null) =>
            new() { OrganizationId = org ?? organization, Authority = authority, Audience = audience };

        Assert.Empty(OidcProvider.Problems([Provider("https://login.microsoftonline.com/t/v2.0"), Provider("http://127.0.0.1:5000/t", org: Guid.NewGuid())]));
        Assert.Single(OidcProvider.Problems([Provider("http://idp.example.com/t")]));
        Assert.Single(OidcProvider.Problems([Provider("https://idp.example.com/t", audience: " ")]));
        Assert.Single(OidcProvider.Problems([Provider("https://idp.example.com/t", org: Guid.Empty)]));
        Assert.Single(OidcProvider.Problems([Provider("https://a.example.com"), Provider("https://b.example.com")]));
    }
}
