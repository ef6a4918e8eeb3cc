using System.Reflection;
using Microsoft.EntityFrameworkCore.Migrations;

namespace OperatorOne.Data.Schema;

/// <summary>
/// Schema.sql, the SQL EF Core cannot express (row-level security, functions, grants), applied by the one initial
/// migration: the part before the "@tables" line ahead of the tables, the rest after them.
/// </summary>
public static class SchemaSql
{
    private const string TablesMarker = "-- @tables";

    public static void BeforeTables(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(Parts().Before);

    public static void AfterTables(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(Parts().After);

    private static (string Before, string After) Parts()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("OperatorOne.Data.Schema.Schema.sql")
            ?? throw new InvalidOperationException("Schema.sql is not embedded in OperatorOne.Data.");
        using var reader = new StreamReader(stream);
        var sql = reader.ReadToEnd();
        var marker = sql.IndexOf(TablesMarker, StringComparison.Ordinal);
        return marker < 0 ? throw new InvalidOperationException($"Schema.sql has no '{TablesMarker}' line.") : (sql[..marker], sql[marker..]);
    }
}
