using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace OperatorOne.Data;

/// <summary>
/// The rows a unit of work adds, written in one statement. SaveChanges sends one INSERT per row (batched into one round
/// trip, but each a statement the server plans and runs); here each row is a data-modifying CTE of one
/// <c>INSERT … RETURNING</c> what the database generates, and the rows are then tracked as saved. Foreign keys are
/// checked at the end of a statement, so the rows' order does not matter to them; the final SELECT reads the CTEs in the
/// order the rows were added, which is the order their identity keys are drawn in (a transcript's message before its
/// reply; <c>Data/AddedRowsTests</c> pins it). It writes nothing (SaveChanges then writes the
/// rows as usual) when one statement cannot do what SaveChanges would: a row needing a key another added row takes from
/// the database, a type not mapped to a table of its own, a type that also has rows deleted or changed in this unit of
/// work (SaveChanges orders those before its inserts), a changed row pointing at an added row's generated key, or too
/// many rows for one statement.
/// </summary>
public static class AddedRows
{
    private const int MaxRows = 100;

    public static async Task InsertAddedAsync(this OperatorOneDb db, CancellationToken cancellationToken)
    {
        var entries = db.ChangeTracker.Entries().ToList();
        var added = entries.Where(e => e.State == EntityState.Added).ToList();
        // One row is one statement either way.
        if (added.Count < 2 || added.Count > MaxRows || !added.All(CanInsert))
        {
            return;
        }
        var changed = entries.Where(e => e.State is EntityState.Deleted or EntityState.Modified).ToList();
        var changedTypes = changed.Select(e => e.Metadata).ToHashSet();
        if (added.Any(e => changedTypes.Contains(e.Metadata)) || changed.Any(e => e.Properties.Any(p => p.IsTemporary)))
        {
            return;
        }
        var sql = db.GetService<ISqlGenerationHelper>();
        var connection = db.Database.GetDbConnection();
        // Opened through EF, so the tenant is written on it; a turn's connection is open already.
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }
        try
        {
            await InsertAsync(db, sql, connection, added, cancellationToken);
        }
        finally
        {
            if (opened)
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }

    private static async Task InsertAsync(OperatorOneDb db, ISqlGenerationHelper sql, DbConnection connection, List<EntityEntry> added,
        CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        var text = new StringBuilder("WITH ");
        var generated = new List<(EntityEntry Entry, IProperty Property)>();
        for (var row = 0; row < added.Count; row++)
        {
            var entry = added[row];
            var table = StoreObjectIdentifier.Table(entry.Metadata.GetTableName()!, entry.Metadata.GetSchema());
            var columns = new List<string>();
            var values = new List<string>();
            var returning = new List<string>();
            foreach (var property in entry.Metadata.GetProperties())
            {
                var column = sql.DelimitIdentifier(property.GetColumnName(table)!);
                if (IsGenerated(entry, property))
                {
                    returning.Add(column);
                    generated.Add((entry, property));
                    continue;
                }
                var mapping = property.GetRelationalTypeMapping();
                var value = entry.Property(property.Name).CurrentValue;
                var name = "p" + command.Parameters.Count;
                // The mapping converts the value to the column's (an enum to its name) as it makes the parameter.
                command.Parameters.Add(mapping.CreateParameter(command, name, value, property.IsNullable));
                columns.Add(column);
                values.Add("@" + name);
            }
            text.Append(row == 0 ? "" : ",\n     ").Append('r').Append(row).Append(" AS (INSERT INTO ")
                .Append(sql.DelimitIdentifier(table.Name, table.Schema)).Append(" (").AppendJoin(", ", columns).Append(") VALUES (")
                .AppendJoin(", ", values).Append(')');
            if (returning.Count > 0)
            {
                text.Append(" RETURNING ").AppendJoin(", ", returning);
            }
            text.Append(')');
        }
        text.Append("\nSELECT ").AppendJoin(", ", generated.Count == 0 ? ["1"]
            : generated.Select(g => $"(SELECT {sql.DelimitIdentifier(g.Property.GetColumnName(StoreObjectIdentifier.Table(g.Entry.Metadata.GetTableName()!, g.Entry.Metadata.GetSchema()))!)} FROM r{added.IndexOf(g.Entry)})"));
        command.CommandText = text.ToString();
        try
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            for (var i = 0; i < generated.Count; i++)
            {
                var (entry, property) = generated[i];
                var raw = await reader.IsDBNullAsync(i, cancellationToken) ? null : reader.GetValue(i);
                var mapping = property.GetRelationalTypeMapping();
                var value = mapping.Converter is { } converter ? converter.ConvertFromProvider(raw) : raw;
                var target = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
                var current = entry.Property(property.Name);
                current.CurrentValue = value is IConvertible && value.GetType() != target ? Convert.ChangeType(value, target, System.Globalization.CultureInfo.InvariantCulture) : value;
                current.IsTemporary = false;
            }
        }
        catch (DbException e)
        {
            // What SaveChanges would throw, so callers that tell a conflict from a failure keep doing so.
            throw new DbUpdateException("An error occurred while saving the added rows. See the inner exception for details.", e, added);
        }
        foreach (var entry in added)
        {
            entry.State = EntityState.Unchanged;
        }
    }

    /// <summary>A plain entity on a table of its own, whose values are all known now or made by the database alone.</summary>
    private static bool CanInsert(EntityEntry entry)
    {
        var type = entry.Metadata;
        if (type.BaseType is not null || type.GetDerivedTypes().Any() || type.IsOwned() || type.GetComplexProperties().Any()
            || type.GetNavigations().Any(n => n.TargetEntityType.IsOwned()) || type.GetTableName() is null
            || type.GetTableMappings().Single().Table.EntityTypeMappings.Count() != 1)
        {
            return false;
        }
        // A foreign key still holding a temporary value points at a row whose key only its own insert will give.
        return !type.GetProperties().Any(p => p.IsForeignKey() && entry.Property(p.Name).IsTemporary);
    }

    /// <summary>Left to the database and read back: computed and row-version columns, and keys it generates that are not set.</summary>
    private static bool IsGenerated(EntityEntry entry, IProperty property)
    {
        if (property.ValueGenerated == ValueGenerated.OnAddOrUpdate || property.GetComputedColumnSql() is not null)
        {
            return true;
        }
        if (property.ValueGenerated != ValueGenerated.OnAdd)
        {
            return false;
        }
        var current = entry.Property(property.Name);
        return current.IsTemporary || Equals(current.CurrentValue, property.Sentinel);
    }
}
