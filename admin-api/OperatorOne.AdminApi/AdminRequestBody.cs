using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace OperatorOne.AdminApi;

/// <summary>
/// Reads an admin endpoint's JSON body once before binding, so a malformed one is a 400 that says where it went wrong
/// (binding alone answers an empty 400 outside Development), and an oversized one a 413.
/// </summary>
internal static class AdminRequestBody
{
    /// <summary>Far above any admin request (the business context is 20,000 characters).</summary>
    public const long MaxBytes = 256 * 1024;

    public static async Task<(int Status, string Reason)?> ProblemAsync(HttpContext http, Endpoint endpoint)
    {
        if (endpoint.Metadata.GetMetadata<IAcceptsMetadata>() is not { RequestType: { } type } accepts || !http.Request.HasJsonContentType())
        {
            // No body expected, or not JSON: binding answers 415 for the latter.
            return null;
        }
        if (http.Request.ContentLength > MaxBytes || (http.Request.Body.CanSeek && http.Request.Body.Length > MaxBytes))
        {
            return (StatusCodes.Status413PayloadTooLarge, $"The body is limited to {MaxBytes / 1024} KB.");
        }
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = MaxBytes;
        }
        http.Request.EnableBuffering();
        var json = http.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        try
        {
            var body = await JsonSerializer.DeserializeAsync(http.Request.Body, type, json, http.RequestAborted);
            if (body is null && !accepts.IsOptional)
            {
                return (StatusCodes.Status400BadRequest, "The body must be a JSON object.");
            }
            return null;
        }
        catch (JsonException ex)
        {
            return (StatusCodes.Status400BadRequest, Describe(ex));
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (StatusCodes.Status413PayloadTooLarge, $"The body is limited to {MaxBytes / 1024} KB.");
        }
        finally
        {
            http.Request.Body.Position = 0;
        }
    }

    /// <summary>Where the body went wrong, without the serializer's type names.</summary>
    private static string Describe(JsonException ex)
    {
        if (!ex.Message.Contains("could not be converted", StringComparison.Ordinal))
        {
            return $"The body is not well-formed JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine}).";
        }
        return ex.Path is { Length: > 2 } path
            ? $"'{path[2..]}' has the wrong type, is not one of the allowed values or is not a finite number."
            : "The body must be a JSON object.";
    }
}
