using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.OpenApi;
using OperatorOne.Data;
using OperatorOne.Data.Crm;
using OperatorOne.Skills.Crm;

namespace OperatorOne.AdminApi.Contacts;

/// <summary>
/// CSV import of CRM contacts. <c>?dryRun=true</c> reports what would happen (rows to add, rows already in the CRM, bad rows
/// by line) and changes nothing; a real import with any bad row is refused whole (422, the same report), so a fixed file
/// can simply be sent again.
/// </summary>
internal static class ContactImportEndpoints
{
    /// <summary>About 10,000 typical rows; the row limit (<see cref="ContactImport.MaxRows"/>) usually comes first.</summary>
    public const int MaxBytes = 1024 * 1024;

    private static readonly string[] CsvTypes = ["text/csv", "application/csv", "text/plain", "application/vnd.ms-excel"];

    public static void MapContactImport(this RouteGroupBuilder organization)
    {
        organization.MapPost("/contacts/import", ImportAsync).WithTags("CRM")
            .WithSummary("Import CRM contacts from CSV (header: name or first name + last name; optional email, phone, company). dryRun=true only reports.")
            // Described for OpenAPI only: routing-level Accepts metadata would answer 415 before the caller is checked.
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                operation.RequestBody = CsvBody;
                return Task.CompletedTask;
            })
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    private static readonly OpenApiRequestBody CsvBody = new()
    {
        Required = true,
        Content = new Dictionary<string, OpenApiMediaType>
        {
            ["text/csv"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Description = "UTF-8 CSV with a header line" } },
        },
    };

    internal static async Task<Results<Ok<ContactImportReport>, ProblemHttpResult>> ImportAsync(
        Guid organizationId, HttpContext http, OperatorOneDb db, TimeProvider clock, CancellationToken cancellationToken, bool dryRun = false)
    {
        var (text, problem) = await ReadAsync(http.Request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        var (records, unreadable) = ContactCsv.Parse(text!);
        if (unreadable is not null)
        {
            return TypedResults.Problem($"The CSV is malformed: {unreadable}", statusCode: StatusCodes.Status400BadRequest);
        }
        var known = await db.Contacts.AsNoTracking()
            .Select(c => new KnownContact(c.FullName, db.Companies.Where(co => co.Id == c.CompanyId).Select(co => co.Name).FirstOrDefault(), c.Email))
            .ToListAsync(cancellationToken);
        var companies = await db.Companies.AsNoTracking().ToDictionaryAsync(c => c.Name, c => c.Id, StringComparer.OrdinalIgnoreCase, cancellationToken);
        var (plan, fileProblem) = ContactImport.Decide(records, known, companies.Keys);
        if (plan is null)
        {
            var status = records.Count - 1 > ContactImport.MaxRows ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest;
            return TypedResults.Problem(fileProblem, statusCode: status);
        }
        var report = Report(plan, dryRun);
        if (dryRun)
        {
            return TypedResults.Ok(report);
        }
        if (plan.Problems.Count > 0)
        {
            return TypedResults.Problem(
                $"{plan.Problems.Count} row{(plan.Problems.Count == 1 ? "" : "s")} can't be imported, so nothing was; fix them (or drop them) and send the file again.",
                statusCode: StatusCodes.Status422UnprocessableEntity,
                extensions: new Dictionary<string, object?> { ["problems"] = plan.Problems, ["report"] = report });
        }
        Apply(db, organizationId, plan, companies, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(report);
    }

    private static void Apply(OperatorOneDb db, Guid organizationId, ImportPlan plan, Dictionary<string, Guid> companies, DateTimeOffset now)
    {
        foreach (var name in plan.NewCompanies)
        {
            var company = new Company { Id = Guid.NewGuid(), OrganizationId = organizationId, Name = name, CreatedAt = now };
            db.Companies.Add(company);
            companies[name] = company.Id;
        }
        foreach (var row in plan.Add)
        {
            db.Contacts.Add(new Contact
            {
                Id = Guid.NewGuid(),
                OrganizationId = organizationId,
                FullName = row.Name,
                Email = row.Email,
                Phone = row.Phone,
                CompanyId = row.Company is { } at ? companies[at] : null,
                CreatedAt = now,
            });
        }
    }

    private static ContactImportReport Report(ImportPlan plan, bool dryRun) => new(
        dryRun, plan.Add.Count + plan.AlreadyThere.Count + plan.Problems.Count,
        dryRun || plan.Problems.Count > 0 ? 0 : plan.Add.Count, plan.Add.Count, plan.AlreadyThere, plan.Problems, plan.NewCompanies, plan.IgnoredColumns);

    /// <summary>The body as UTF-8 text, or the 413/415/400 that says why not.</summary>
    private static async Task<(string? Text, ProblemHttpResult? Problem)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var type = request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        if (type is null || !CsvTypes.Contains(type))
        {
            return (null, TypedResults.Problem("Send the contacts as text/csv.", statusCode: StatusCodes.Status415UnsupportedMediaType));
        }
        if (request.ContentLength > MaxBytes)
        {
            return (null, TooLarge());
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                return (null, TooLarge());
            }
            buffer.Write(chunk, 0, read);
        }
        try
        {
            return (new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(buffer.GetBuffer(), 0, (int)buffer.Length), null);
        }
        catch (DecoderFallbackException)
        {
            return (null, TypedResults.Problem("The CSV must be UTF-8 text.", statusCode: StatusCodes.Status400BadRequest));
        }
    }

    private static ProblemHttpResult TooLarge() =>
        TypedResults.Problem($"A contact import is limited to {MaxBytes / 1024} KB; split the file.", statusCode: StatusCodes.Status413PayloadTooLarge);
}

/// <summary>
/// What an import did or would do: <c>wouldImport</c> rows are new; <c>imported</c> is how many were stored (0 on a dry run
/// or a refused import); <c>alreadyThere</c> rows were skipped; <c>problems</c> are the bad rows by line.
/// </summary>
internal sealed record ContactImportReport(
    bool DryRun, int Rows, int Imported, int WouldImport, IReadOnlyList<ImportProblem> AlreadyThere, IReadOnlyList<ImportProblem> Problems,
    IReadOnlyList<string> NewCompanies, IReadOnlyList<string> IgnoredColumns);
