using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using OperatorOne.Data.Organizations;

namespace OperatorOne.AdminApi.Organizations;

/// <summary>
/// Every table an organization owns, read from the model (the organizations table and every table with an
/// organization_id, which is also what gets the tenant policy), principals before their dependents.
/// </summary>
internal static class TenantTables
{
    public static IReadOnlyList<string> InDependencyOrder(IModel model)
    {
        var tenant = model.GetEntityTypes()
            .Where(e => !e.IsOwned() && e.GetTableName() is not null && e.GetViewName() is null
                && (e.ClrType == typeof(Organization) || e.FindProperty("OrganizationId") is not null))
            .ToList();
        var ordered = new List<IEntityType>();
        var visiting = new HashSet<IEntityType>();
        void Visit(IEntityType entity)
        {
            if (ordered.Contains(entity) || !visiting.Add(entity))
            {
                return;
            }
            foreach (var principal in entity.GetForeignKeys().Select(k => k.PrincipalEntityType).Where(tenant.Contains))
            {
                Visit(principal);
            }
            ordered.Add(entity);
        }
        foreach (var entity in tenant.OrderBy(e => e.GetTableName(), StringComparer.Ordinal))
        {
            Visit(entity);
        }
        return [.. ordered.Select(e => e.GetTableName()!).Distinct()];
    }

    /// <summary>Columns an export leaves out: stored secrets and their hashes, which serve no one outside this bot.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Withheld = new Dictionary<string, string[]>
    {
        ["channel_installations"] = ["secret_cipher", "secret_hash"],
        ["api_keys"] = ["secret_hash"],
        ["voice_pins"] = ["hash"],
    };

    public static IReadOnlyList<string> Of(DbContext db) => InDependencyOrder(db.Model);
}
