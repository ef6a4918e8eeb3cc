using Microsoft.EntityFrameworkCore;
using OperatorOne.Data;

namespace OperatorOne.AdminApi.ApiKeys;

/// <summary>
/// The first key, before anyone can call the API: `OperatorOne.Bot create-api-key &lt;org id or name&gt; &lt;member handle&gt;`.
/// Runs on the migration connection, which owns the tables, to find the organization by name.
/// </summary>
public static class ApiKeyBootstrap
{
    public static async Task<int> RunAsync(OperatorOneDb db, IReadOnlyList<string> args, TextWriter output, CancellationToken cancellationToken)
    {
        if (args.Count != 2)
        {
            await output.WriteLineAsync("usage: create-api-key <organization id or name> <member handle>");
            return 2;
        }
        var byId = Guid.TryParse(args[0], out var id) ? id : Guid.Empty;
        var organizations = await db.Organizations.AsNoTracking()
            .Where(o => o.Name == args[0] || o.Id == byId)
            .Select(o => o.Id).ToListAsync(cancellationToken);
        if (organizations is not [var organizationId])
        {
            await output.WriteLineAsync(organizations.Count == 0 ? $"No organization '{args[0]}'." : $"'{args[0]}' names several organizations; use the id.");
            return 1;
        }
        await db.UseOrganizationAsync(organizationId, cancellationToken);
        var handle = args[1].ToLowerInvariant();
        var member = await db.Members.AsNoTracking().SingleOrDefaultAsync(m => m.OrganizationId == organizationId && m.Handle == handle && m.IsActive, cancellationToken);
        if (member is null)
        {
            await output.WriteLineAsync($"No active member '{handle}' in that organization.");
            return 1;
        }
        var (key, plaintext) = ApiKeyEndpoints.Issue(db, member, "bootstrap", null, DateTimeOffset.UtcNow);
        await db.SaveChangesAsync(cancellationToken);
        await output.WriteLineAsync($"organization {organizationId}");
        await output.WriteLineAsync($"key {key.Id:N} acts as {member.Handle} ({key.Role.ToString().ToLowerInvariant()}); it is shown once:");
        await output.WriteLineAsync(plaintext);
        return 0;
    }
}
