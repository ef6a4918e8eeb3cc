using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using OperatorOne.Bot.Core.Activities;

namespace OperatorOne.Channels.WebChat;

/// <summary>Reads request bodies ourselves, so size and JSON errors become Direct Line errors instead of framework 500s.</summary>
internal static class DirectLineBody
{
    public const int MaxActivityBytes = 256 * 1024;

    /// <summary>Small bodies (token and conversation requests) need far less than an activity.</summary>
    public const int MaxRequestBytes = 16 * 1024;

    /// <summary>The body as <typeparamref name="T"/>, the default when the body is empty, or the error to answer.</summary>
    public static async Task<(T? Value, JsonHttpResult<DirectLineError>? Error)> ReadAsync<T>(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
        where T : class
    {
        if (request.ContentLength > maxBytes)
        {
            return (null, DirectLineError.TooLarge());
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return (null, DirectLineError.TooLarge());
            }
            buffer.Write(chunk, 0, read);
        }
        if (buffer.Length == 0)
        {
            return (null, null);
        }
        try
        {
            return (JsonSerializer.Deserialize<T>(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), BotJson.Options), null);
        }
        catch (JsonException e)
        {
            return (null, DirectLineError.BadJson($"The body is not valid JSON for this request: {e.Message}"));
        }
    }
}
