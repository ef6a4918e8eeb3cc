using System.Text;
using Microsoft.EntityFrameworkCore;

namespace OperatorOne.Data.Tenancy;

/// <summary>PostgreSQL-style names (ticket_comments.organization_id) so hand-written SQL and policies read naturally.</summary>
internal static class SnakeCaseNames
{
    public static void Apply(ModelBuilder modelBuilder)
    {
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            entity.SetTableName(ToSnake(entity.GetTableName() ?? entity.ClrType.Name));
            // PostgreSQL's xmin (a row version) is a system column and keeps its name.
            foreach (var property in entity.GetProperties().Where(p => p.GetColumnName() != "xmin"))
            {
                property.SetColumnName(ToSnake(property.Name));
            }
            foreach (var key in entity.GetKeys())
            {
                key.SetName(ToSnake(key.GetName() ?? ""));
            }
            foreach (var foreignKey in entity.GetForeignKeys())
            {
                foreignKey.SetConstraintName(ToSnake(foreignKey.GetConstraintName() ?? ""));
            }
            foreach (var index in entity.GetIndexes())
            {
                index.SetDatabaseName(ToSnake(index.GetDatabaseName() ?? ""));
            }
        }
    }

    internal static string ToSnake(string name)
    {
        var builder = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                if (i > 0 && name[i - 1] != '_' && !char.IsUpper(name[i - 1]))
                {
                    builder.Append('_');
                }
                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }
        return builder.ToString();
    }
}
