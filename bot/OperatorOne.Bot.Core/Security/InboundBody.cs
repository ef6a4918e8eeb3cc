using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace OperatorOne.Bot.Core.Security;

/// <summary>
/// The one reader every inbound request passes before a handler sees it: the path and query string, then the body by
/// its kind — JSON (<see cref="InboundJson"/>), a URL-encoded form (each field, and a field holding JSON such as Slack's
/// payload), multipart (each field and file name; file contents are the handler's) or other text. The body is buffered
/// and rewound, so the handler reads it as if nothing had.
/// </summary>
public static class InboundBody
{
    /// <summary>Above every JSON or form endpoint's own limit (Teams' 512 KB is the largest); multipart uploads are not capped here.</summary>
    public const int MaxBytes = 1024 * 1024;

    public static async Task<InboundProblem?> CheckAsync(HttpContext http)
    {
        var request = http.Request;
        if (AddressProblem(request) is { } address)
        {
            return Bad(address);
        }
        if (http.Features.Get<IHttpRequestBodyDetectionFeature>() is { CanHaveBody: false } || request.ContentLength == 0)
        {
            return null;
        }
        request.EnableBuffering();
        try
        {
            return MediaTypeHeaderValue.TryParse(request.ContentType, out var type) && type.MediaType.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase)
                ? await MultipartProblemAsync(request, type, http.RequestAborted)
                : await ContentProblemAsync(request, type, http.RequestAborted);
        }
        catch (BadHttpRequestException e)
        {
            return new InboundProblem(e.StatusCode, e.StatusCode == StatusCodes.Status413PayloadTooLarge ? TooLargeReason : "The request body could not be read.");
        }
        finally
        {
            if (request.Body.CanSeek)
            {
                request.Body.Position = 0;
            }
        }
    }

    private const string TooLargeReason = "The body is larger than this server accepts.";

    private static string? AddressProblem(HttpRequest request)
    {
        if (InboundText.Problem(request.Path.Value ?? "", "The path") is { } path)
        {
            return path;
        }
        foreach (var (key, values) in request.Query)
        {
            if (InboundText.Problem(key, "A query-string name") is { } name)
            {
                return name;
            }
            foreach (var value in values)
            {
                if (InboundText.Problem(value ?? "", $"The query-string value '{InboundText.Quote(key)}'") is { } problem)
                {
                    return problem;
                }
            }
        }
        return null;
    }

    private static async Task<InboundProblem?> ContentProblemAsync(HttpRequest request, MediaTypeHeaderValue? type, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBytes)
        {
            return new InboundProblem(StatusCodes.Status413PayloadTooLarge, TooLargeReason);
        }
        var body = await ReadCappedAsync(request.Body, MaxBytes, cancellationToken);
        if (body is null)
        {
            return new InboundProblem(StatusCodes.Status413PayloadTooLarge, TooLargeReason);
        }
        var problem = type?.MediaType.Value?.ToLowerInvariant() switch
        {
            "application/x-www-form-urlencoded" => FormProblem(body),
            "application/json" or "text/json" => InboundJson.Problem(body),
            { } media when media.EndsWith("+json", StringComparison.Ordinal) => InboundJson.Problem(body),
            // Every body this bot reads is JSON or a form; text that looks like JSON is checked as JSON whatever it claims.
            _ when StartsLikeJson(body) => InboundJson.Problem(body, onlyIfWellFormed: true) ?? InboundText.Utf8Problem(body),
            _ => InboundText.Utf8Problem(body),
        };
        return problem is null ? null : Bad(problem);
    }

    private static string? FormProblem(byte[] form)
    {
        if (InboundText.Utf8Problem(form) is { } raw)
        {
            return raw;
        }
        foreach (var pair in ((ReadOnlySpan<byte>)form).Split((byte)'&'))
        {
            var field = form.AsSpan()[pair];
            var equals = field.IndexOf((byte)'=');
            var name = Decode(equals < 0 ? field : field[..equals]);
            if (InboundText.Utf8Problem(name, "A form field name") is { } nameProblem)
            {
                return nameProblem;
            }
            var shown = $"The form field '{InboundText.Quote(System.Text.Encoding.UTF8.GetString(name))}'";
            var value = equals < 0 ? [] : Decode(field[(equals + 1)..]);
            if ((InboundText.Utf8Problem(value, shown) ?? (StartsLikeJson(value) ? InboundJson.Problem(value, shown, onlyIfWellFormed: true) : null)) is { } problem)
            {
                return problem;
            }
        }
        return null;
    }

    private static byte[] Decode(ReadOnlySpan<byte> encoded)
    {
        var bytes = encoded.ToArray();
        return WebUtility.UrlDecodeToBytes(bytes, 0, bytes.Length) ?? [];
    }

    private static async Task<InboundProblem?> MultipartProblemAsync(HttpRequest request, MediaTypeHeaderValue type, CancellationToken cancellationToken)
    {
        var boundary = HeaderUtilities.RemoveQuotes(type.Boundary).Value;
        if (string.IsNullOrEmpty(boundary))
        {
            return Bad("The multipart body names no boundary.");
        }
        var reader = new MultipartReader(boundary, request.Body);
        try
        {
            while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition))
                {
                    await section.Body.CopyToAsync(Stream.Null, cancellationToken);
                    continue;
                }
                var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
                var problem = InboundText.Problem(name, "A multipart field name");
                if (problem is null && disposition.IsFileDisposition())
                {
                    var fileName = disposition.FileNameStar.HasValue ? disposition.FileNameStar.Value : HeaderUtilities.RemoveQuotes(disposition.FileName).Value;
                    problem = InboundText.Problem(fileName ?? "", "A file name");
                    await section.Body.CopyToAsync(Stream.Null, cancellationToken);
                }
                else if (problem is null)
                {
                    var value = await ReadCappedAsync(section.Body, MaxBytes, cancellationToken);
                    problem = value is null ? TooLargeReason : InboundText.Utf8Problem(value, $"The form field '{InboundText.Quote(name)}'");
                }
                if (problem is not null)
                {
                    return Bad(problem);
                }
            }
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            return Bad("The multipart body is malformed.");
        }
        return null;
    }

    private static async Task<byte[]?> ReadCappedAsync(Stream stream, int cap, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > cap)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static bool StartsLikeJson(ReadOnlySpan<byte> bytes) =>
        bytes.TrimStart(" \t\r\n"u8) is [(byte)'{' or (byte)'[', ..];

    private static InboundProblem Bad(string reason) => new(StatusCodes.Status400BadRequest, reason);
}
