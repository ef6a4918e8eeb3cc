using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.AdminApi;

/// <summary>
/// A bot whose settings give one organization an identity provider (the local stand-in), plus a second organization
/// without one. Members' emails are handle@&lt;org&gt;.test.
/// </summary>
public sealed class OidcHost : IAsyncLifetime
{
    /// <summary>Low enough that a test can reach it; each test's tokens have their own subject, hence their own budget.</summary>
    public const int RequestsPerMinute = 40;

    private readonly Guid _organizationId = Guid.NewGuid();

    public BotHost Host { get; } = new();

    /// <summary>The bot's clock: a test skips the key-refetch throttle rather than waiting it out.</summary>
    internal SkippingClock Clock { get; } = new();

    private LocalIdentityProvider? _provider;
    private TestOrganization? _organization;
    private TestOrganization? _other;

    public LocalIdentityProvider Provider => _provider ?? throw NotStarted();
    public TestOrganization Organization => _organization ?? throw NotStarted();
    public TestOrganization Other => _other ?? throw NotStarted();

    public static string Email(TestOrganization org, string handle) => $"{handle}@{org.Id:N}.test";

    public async ValueTask InitializeAsync()
    {
        _provider = await LocalIdentityProvider.StartAsync();
        Host.Settings["AdminApi:RequestsPerMinute"] = RequestsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Host.Settings["AdminApi:Oidc:0:OrganizationId"] = _organizationId.ToString();
        Host.Settings["AdminApi:Oidc:0:Authority"] = Provider.Authority;
        Host.Settings["AdminApi:Oidc:0:Audience"] = LocalIdentityProvider.Audience;
        // The MCP tests define custom tools aimed at loopback; only the operator's allow-list permits that address.
        Host.Settings["Integrations:AllowedHosts:0"] = "127.0.0.1";
        Host.TestServices = services => services.AddSingleton<TimeProvider>(Clock);
        await Host.InitializeAsync();
        _organization = await WithEmailsAsync(await TestOrganization.CreateAsync(Host, presetId: _organizationId));
        _other = await WithEmailsAsync(await TestOrganization.CreateAsync(Host));
    }

    private async Task<TestOrganization> WithEmailsAsync(TestOrganization org)
    {
        await Host.InOrganizationAsync(org.Id, async db =>
        {
            foreach (var member in await db.Members.ToListAsync())
            {
                member.Email = Email(org, member.Handle);
            }
            return await db.SaveChangesAsync();
        });
        return org;
    }

    private static InvalidOperationException NotStarted() => new("The OIDC host has not started.");

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        if (_provider is not null)
        {
            await _provider.DisposeAsync();
        }
    }
}
