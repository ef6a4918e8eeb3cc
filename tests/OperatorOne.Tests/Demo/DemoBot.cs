using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OperatorOne.Bot.Core.Security;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Data.Audit;
using OperatorOne.Bot.Hosting.Demo;
using OperatorOne.Skills.Tickets;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.Demo;

/// <summary>
/// A bot of its own whose clock the test sets (<see cref="ShiftedClock"/>), and fresh copies of the demo organization:
/// each seeded by the same code ./run.sh seeds with, as of that clock, so an example never sees another's changes.
/// Seeding is most of an example's cost, so a copy serves the next example for as long as nothing changed it
/// (<see cref="UnchangedAsync"/>): each example starts its own conversation, so only organization data can carry over.
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

    /// <summary>A demo organization and how far its audit trail had got when an example last found it unchanged.</summary>
    public sealed class SeededDemo(TestOrganization organization)
    {
        public TestOrganization Organization { get; } = organization;

        internal long AuditSeen { get; set; }

        internal int MissesSeen { get; set; }
    }

    /// <summary>A new demo organization, reachable through the web chat with a site secret the test knows.</summary>
    public async Task<SeededDemo> SeedAsync()
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
        var seeded = new SeededDemo(new TestOrganization(id, siteId, secret, members));
        await UnchangedAsync(seeded);
        return seeded;
    }

    /// <summary>The built-in read-only tools' names, read once.</summary>
    private HashSet<string>? _reads;

    /// <summary>
    /// True when everything audited since the last look was a read-only tool and no miss was recorded: a write, an
    /// approval request, an integration call or any other audited act means the next example needs a fresh copy.
    /// </summary>
    public async Task<bool> UnchangedAsync(SeededDemo seeded)
    {
        _reads ??= Host.Services.GetRequiredService<ToolRegistry>().All
            .Where(t => t.Definition.Tier == ToolTier.ReadOnly).Select(t => t.Definition.Name).ToHashSet();
        var (events, misses) = await Host.InOrganizationAsync(seeded.Organization.Id, async db =>
            (await db.AuditEvents.Where(e => e.Id > seeded.AuditSeen).Select(e => new { e.Id, e.Kind, e.Tool }).ToListAsync(),
             await db.RecognitionMisses.CountAsync()));
        var unchanged = events.All(e => e.Kind == AuditKinds.ToolCall && e.Tool is { } tool && _reads.Contains(tool)) && misses == seeded.MissesSeen;
        seeded.AuditSeen = events.Count > 0 ? events.Max(e => e.Id) : seeded.AuditSeen;
        seeded.MissesSeen = misses;
        return unchanged;
    }

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
