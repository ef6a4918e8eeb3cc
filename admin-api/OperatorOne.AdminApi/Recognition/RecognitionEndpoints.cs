using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using OperatorOne.Data;
using OperatorOne.Data.Members;
using OperatorOne.Data.Recognition;

namespace OperatorOne.AdminApi.Recognition;

/// <summary>What people asked that the built-in recognizer could not place (or only guessed at), newest first.</summary>
internal static class RecognitionEndpoints
{
    public static void MapRecognition(this RouteGroupBuilder organization) =>
        organization.MapGet("/nlu/misses", MissesAsync).WithTags("Recognition")
            // People's own words: admins only, like the chat tool.
            .WithMetadata(new AdminAccess(MemberRole.Admin))
            .WithSummary("Sentences the built-in recognizer could not place (unknown) or offered choices for (unsure), newest first; kind= filters, limit= 1–500 (default 100).");

    internal static async Task<Results<Ok<List<RecognitionMissView>>, ValidationProblem>> MissesAsync(
        OperatorOneDb db, string? kind, int? limit, CancellationToken cancellationToken)
    {
        RecognitionMissKind? only = null;
        if (kind is not null)
        {
            if (!Enum.TryParse<RecognitionMissKind>(kind, ignoreCase: true, out var parsed) || int.TryParse(kind, out _))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["kind"] = ["The kind must be unknown or unsure."] });
            }
            only = parsed;
        }
        if (limit is < 1 or > 500)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["limit"] = ["'limit' must be between 1 and 500."] });
        }
        var query = db.RecognitionMisses.AsNoTracking();
        if (only is { } wanted)
        {
            query = query.Where(m => m.Kind == wanted);
        }
        var misses = await query.OrderByDescending(m => m.CreatedAt).ThenBy(m => m.Id).Take(limit ?? 100)
            .Select(m => new RecognitionMissView(m.Id, m.CreatedAt, m.Channel, m.MemberId, m.Text, m.Kind, m.Guesses, m.Confidence, m.ChosenTool))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(misses);
    }
}

internal sealed record RecognitionMissView(Guid Id, DateTimeOffset CreatedAt, string Channel, Guid? MemberId, string Text,
    RecognitionMissKind Kind, string Guesses, double Confidence, string? ChosenTool);
