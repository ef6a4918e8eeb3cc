namespace OperatorOne.Bot.Core.Turns;

/// <summary>Reads a downloaded file's body up to a limit, so a channel never buffers more than the intake would keep.</summary>
public static class CappedDownload
{
    /// <summary>The body, or null as soon as it is known to be larger than <paramref name="maxBytes"/> (declared or read).</summary>
    public static async Task<byte[]?> ReadAsync(HttpResponseMessage response, long maxBytes, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentLength is { } declared && declared > maxBytes)
        {
            return null;
        }
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                // Stop reading: the rest is never pulled off the wire.
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
