using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using OperatorOne.Data;
using OperatorOne.Data.Documents;
using OperatorOne.Data.Members;
using OperatorOne.Skills.Documents;

namespace OperatorOne.AdminApi.Documents;

/// <summary>Documents through the API: upload (multipart), list what the key's member may see, delete (owner or admin).</summary>
internal static class DocumentEndpoints
{
    public static void MapDocuments(this RouteGroupBuilder organization)
    {
        var documents = organization.MapGroup("/documents").WithTags("Documents");
        documents.MapGet("", ListAsync).WithSummary("List the documents the key's member may see, newest first.");
        documents.MapPost("", UploadAsync).WithSummary("Upload a document: multipart with 'file', optional 'title', 'tags' (comma-separated), 'visibility' and, for team visibility, 'team' (id or name).")
            // Described for OpenAPI only: routing-level Accepts metadata would answer 415 before the caller is checked.
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                operation.RequestBody = UploadForm;
                return Task.CompletedTask;
            })
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .DisableAntiforgery()
            .WithMetadata(new AdminAccess(MemberRole.Member));
        documents.MapDelete("/{documentId:guid}", DeleteAsync).WithSummary("Delete a document (its owner or an admin).")
            .WithMetadata(new AdminAccess(MemberRole.Member));
    }

    private static readonly OpenApiRequestBody UploadForm = new()
    {
        Required = true,
        Content = new Dictionary<string, OpenApiMediaType>
        {
            ["multipart/form-data"] = new()
            {
                Schema = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Required = new HashSet<string> { "file" },
                    Properties = new Dictionary<string, IOpenApiSchema>
                    {
                        ["file"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" },
                        ["title"] = new OpenApiSchema { Type = JsonSchemaType.String },
                        ["tags"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "comma-separated" },
                        ["visibility"] = new OpenApiSchema { Type = JsonSchemaType.String, Enum = ["private", "team", "organization"] },
                        ["team"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "the team's id or name, with visibility team" },
                    },
                },
            },
        },
    };

    internal static async Task<Ok<List<DocumentDto>>> ListAsync(OperatorOneDb db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await db.Documents.AsNoTracking().OrderByDescending(d => d.CreatedAt).Take(500)
            .Select(d => new DocumentDto(d.Id, d.Title, d.OwnerId, d.Tags, d.Visibility, d.TeamId, d.FileName, d.ContentType, d.SizeBytes, d.CreatedAt))
            .ToListAsync(cancellationToken));

    internal static async Task<Results<Created<DocumentDto>, ProblemHttpResult>> UploadAsync(
        Guid organizationId, HttpContext http, OperatorOneDb db, IOptions<DocumentsOptions> options, TimeProvider clock, CancellationToken cancellationToken)
    {
        var request = http.Request;
        var maxBytes = options.Value.MaxBytes;
        if (!request.HasFormContentType)
        {
            return TypedResults.Problem("Upload with multipart/form-data and a 'file' part.", statusCode: StatusCodes.Status415UnsupportedMediaType);
        }
        if (request.ContentLength > maxBytes + 64 * 1024)
        {
            return TooLarge(maxBytes);
        }
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(cancellationToken);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
        {
            return TypedResults.Problem($"The multipart body is malformed: {e.Message}", statusCode: StatusCodes.Status400BadRequest);
        }
        if (form.Files.GetFile("file") is not { } file)
        {
            return TypedResults.Problem("The upload needs a 'file' part.", statusCode: StatusCodes.Status400BadRequest);
        }
        if (file.Length > maxBytes)
        {
            return TooLarge(maxBytes);
        }
        var visibility = DocumentVisibility.Private;
        if (form["visibility"].ToString() is { Length: > 0 } said && (!Enum.TryParse(said, ignoreCase: true, out visibility) || !Enum.IsDefined(visibility) || int.TryParse(said, out _)))
        {
            return TypedResults.Problem("visibility must be private, team or organization.", statusCode: StatusCodes.Status400BadRequest);
        }
        var (teamId, teamProblem) = await TeamAsync(db, visibility, form["team"].ToString(), cancellationToken);
        if (teamProblem is not null)
        {
            return TypedResults.Problem(teamProblem, statusCode: StatusCodes.Status400BadRequest);
        }
        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, cancellationToken);
        var caller = http.Features.GetRequiredFeature<AdminCaller>();
        var upload = new UploadRequest
        {
            OrganizationId = organizationId,
            OwnerId = caller.MemberId,
            FileName = file.FileName,
            ContentType = file.ContentType,
            Bytes = buffer.ToArray(),
            Title = form["title"].ToString(),
            Tags = [form["tags"].ToString()],
            Visibility = visibility,
            TeamId = teamId,
        };
        var outcome = await DocumentUpload.SaveAsync(db, upload, maxBytes, clock.GetUtcNow(), cancellationToken);
        if (outcome.Document is not { } d)
        {
            var status = outcome.TooLarge ? StatusCodes.Status413PayloadTooLarge
                : outcome.Unsupported ? StatusCodes.Status415UnsupportedMediaType : StatusCodes.Status400BadRequest;
            return TypedResults.Problem(outcome.Problem, statusCode: status);
        }
        return TypedResults.Created($"/admin/v1/organizations/{organizationId}/documents/{d.Id}",
            new DocumentDto(d.Id, d.Title, d.OwnerId, d.Tags, d.Visibility, d.TeamId, d.FileName, d.ContentType, d.SizeBytes, d.CreatedAt));
    }

    internal static async Task<Results<NoContent, NotFound, ProblemHttpResult>> DeleteAsync(
        Guid documentId, HttpContext http, OperatorOneDb db, CancellationToken cancellationToken)
    {
        var caller = http.Features.GetRequiredFeature<AdminCaller>();
        var owner = await db.Documents.Where(d => d.Id == documentId).Select(d => (Guid?)d.OwnerId).SingleOrDefaultAsync(cancellationToken);
        if (owner is null)
        {
            return TypedResults.NotFound();
        }
        if (owner != caller.MemberId && caller.Role < MemberRole.Admin)
        {
            return TypedResults.Problem("Only the document's owner or an admin can delete it.", statusCode: StatusCodes.Status403Forbidden);
        }
        await db.Documents.Where(d => d.Id == documentId).ExecuteDeleteAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>The team a team-visible upload names by id or (case-insensitively) by name; other visibilities take none.</summary>
    private static async Task<(Guid? TeamId, string? Problem)> TeamAsync(
        OperatorOneDb db, DocumentVisibility visibility, string said, CancellationToken cancellationToken)
    {
        var named = said.Trim();
        if (visibility != DocumentVisibility.Team)
        {
            return named.Length == 0 ? (null, null) : (null, "'team' goes with visibility team.");
        }
        if (named.Length == 0)
        {
            return (null, "visibility team needs a 'team' part: the team's id or name.");
        }
        var teams = await db.Teams.AsNoTracking().Select(t => new { t.Id, t.Name }).ToListAsync(cancellationToken);
        var team = Guid.TryParse(named, out var id)
            ? teams.FirstOrDefault(t => t.Id == id)
            : teams.FirstOrDefault(t => t.Name.Equals(named, StringComparison.OrdinalIgnoreCase));
        return team is null ? (null, $"There is no team '{named}' in this organization.") : (team.Id, null);
    }

    private static ProblemHttpResult TooLarge(long maxBytes) =>
        TypedResults.Problem($"Documents are limited to {DocumentUpload.Megabytes(maxBytes)}.", statusCode: StatusCodes.Status413PayloadTooLarge);
}

internal sealed record DocumentDto(
    Guid Id, string Title, Guid OwnerId, List<string> Tags, DocumentVisibility Visibility, Guid? TeamId,
    string FileName, string ContentType, long SizeBytes, DateTimeOffset CreatedAt);
