using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OperatorOne.Bot.Core.Security;
using OperatorOne.Bot.Hosting.Demo;
using OperatorOne.Skills.Tickets;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.Demo;

/// <summary>
/// A bot of its own whose clock the test sets (<see cref="ShiftedClock"/>), and fresh copies of the demo organization:
/// each seeded by the same code ./run.sh seeds with, as of that clock, so an example never sees another's changes.
/// </summary>
public sealed class DemoBot : IAsyncLifetime
{
    internal ShiftedClock Clock { get; } = new();

    public BotHost Host { get; } = new();

    public ValueTask InitializeAsync()
    {
        Host.TestServices = services => services.AddSingleton<TimeProvider>(Clock);
        return Host.InitializeAsync();
    }

    /// <summary>A new demo organization, reachable through the web chat with a site secret the test knows.</summary>
    public async Task<TestOrganization> SeedAsync()
    {
        var id = Guid.NewGuid();
        var siteId = $"demo-{id:N}"[..17];
        var secret = $"{siteId}.{Guid.NewGuid():N}";
        var tenant = new DemoTenant(id, siteId, SecretBox.Hash(secret), siteId);
        var members = await Host.InOrganizationAsync(id, async db =>
        {
            await DemoContent.SeedAsync(db, tenant, Host.Services.GetRequiredService<SecretBox>(), Host.Services.GetRequiredService<ITicketLifecycle>(), Clock.GetUtcNow(), CancellationToken.None);
            return await db.Members.ToDictionaryAsync(m => m.Handle, m => m.Id);
        });
        return new TestOrganization(id, siteId, secret, members);
    }

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
