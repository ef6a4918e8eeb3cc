using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OperatorOne.Data;

namespace OperatorOne.AdminApi.Organizations;

/// <summary>
/// GET /organizations/{id}/export: everything the organization owns as a zip, one JSON array per table ({table}.json,
/// rows as PostgreSQL's row_to_json writes them) and a manifest.json with the row counts and the withheld columns.
/// Rows are read through op_organization_rows, so private documents are included; stored secrets are not.
/// </summary>
internal static class OrganizationExport
{
    public static async Task<Results<FileStreamHttpResult, NotFound>> ExportAsync(Guid organizationId, OperatorOneDb db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var name = await db.Organizations.AsNoTracking().Where(o => o.Id == organizationId).Select(o => o.Name).SingleOrDefaultAsync(cancellationToken);
        if (name is null)
        {
            return TypedResults.NotFound();
        }
        // A temporary file, deleted when the response has been sent: documents can make an export far larger than memory.
        var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose);
        try
        {
            var counts = new JsonObject();
            using (var zip = new ZipArchive(file, ZipArchiveMode.Create, leaveOpen: true))
            {
                await db.Database.OpenConnectionAsync(cancellationToken);
                try
                {
                    foreach (var table in TenantTables.Of(db))
                    {
                        counts[table] = await WriteTableAsync(db, zip, table, cancellationToken);
                    }
                }
                finally
                {
                    await db.Database.CloseConnectionAsync();
                }
                var manifest = new JsonObject
                {
                    ["organizationId"] = organizationId,
                    ["name"] = name,
                    ["exportedAt"] = clock.GetUtcNow(),
                    ["rows"] = counts,
                    ["withheld"] = JsonSerializer.SerializeToNode(TenantTables.Withheld),
                };
                await WriteAsync(zip, "manifest.json", manifest.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
            }
            file.Position = 0;
            return TypedResults.File(file, "application/zip", $"organization-{organizationId:N}-{clock.GetUtcNow():yyyyMMdd}.zip");
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    private static async Task<int> WriteTableAsync(OperatorOneDb db, ZipArchive zip, string table, CancellationToken cancellationToken)
    {
        var withheld = TenantTables.Withheld.GetValueOrDefault(table) ?? [];
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "SELECT op_organization_rows(@table)::text";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "table";
        parameter.Value = table;
        command.Parameters.Add(parameter);
        await using var entry = zip.CreateEntry($"{table}.json", CompressionLevel.Fastest).Open();
        await using var writer = new StreamWriter(entry, new UTF8Encoding(false));
        await writer.WriteAsync('[');
        var count = 0;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var row = reader.GetString(0);
                if (withheld.Length > 0 && JsonNode.Parse(row) is JsonObject fields)
                {
                    foreach (var column in withheld.Where(fields.ContainsKey))
                    {
                        fields[column] = fields[column] is null ? null : "[withheld]";
                    }
                    row = fields.ToJsonString();
                }
                await writer.WriteAsync(count++ == 0 ? "\n" : ",\n");
                await writer.WriteAsync(row);
            }
        }
        await writer.WriteAsync("\n]\n");
        return count;
    }

    private static async Task WriteAsync(ZipArchive zip, string name, string text)
    {
        await using var entry = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        await entry.WriteAsync(Encoding.UTF8.GetBytes(text));
    }
}
