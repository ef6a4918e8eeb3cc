using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using OperatorOne.Bot.Core.Activities;
using OperatorOne.Bot.Core.Turns;
using OperatorOne.Data.Channels;

namespace OperatorOne.Channels.Teams;

/// <summary>
/// Fetches the files attached to a Teams message: file cards (download.info, a pre-authorized downloadUrl) and plain
/// attachments with a contentUrl (on the connector's host these need the bot's connector token, elsewhere none).
/// A file that cannot be fetched travels as <see cref="InboundFile.Failed"/> so the person is told why.
/// </summary>
internal sealed class TeamsFiles(HttpClient http, TeamsConnectorToken token, TeamsChannelMode channel, IEnumerable<IFileIntake> intakes) : ITurnPreparation
{
    public string Channel => ChannelNames.Teams;

    public const string FileDownloadInfo = "application/vnd.microsoft.teams.file.download.info";

    /// <summary>The attachments of a message that are files, as (name, content type, URL).</summary>
    public static IReadOnlyList<(string Name, string ContentType, string Url)> Find(Activity activity)
    {
        var found = new List<(string, string, string)>();
        foreach (var attachment in activity.Attachments ?? [])
        {
            if (attachment.ContentType == FileDownloadInfo && attachment.Content is JsonObject info
                && String(info["downloadUrl"]) is { } downloadUrl)
            {
                var name = attachment.Name ?? "file" + (String(info["fileType"]) is { } type ? "." + type : "");
                // The file card names no media type; the extension decides, as for any upload.
                found.Add((name, "application/octet-stream", downloadUrl));
            }
            else if (attachment.ContentUrl is { Length: > 0 } contentUrl && attachment.ContentType is not ("text/html" or Attachment.AdaptiveCardType))
            {
                found.Add((attachment.Name ?? "file", attachment.ContentType, contentUrl));
            }
        }
        return found;
    }

    public bool IsNeeded(InboundTurn turn) => Find(turn.Activity).Count > 0 && intakes.Any();

    /// <summary>The turn with its files fetched; a turn without file attachments is returned as it is.</summary>
    public async Task<InboundTurn> PrepareAsync(InboundTurn turn, CancellationToken cancellationToken)
    {
        var attached = Find(turn.Activity);
        if (attached.Count == 0 || intakes.FirstOrDefault() is not { } intake)
        {
            return turn;
        }
        var files = new List<InboundFile>();
        foreach (var (name, contentType, url) in attached)
        {
            files.Add(await FetchAsync(name, contentType, url, turn.Activity.ServiceUrl, intake.MaxBytes, cancellationToken));
        }
        return turn with { Files = files };
    }

    private async Task<InboundFile> FetchAsync(string name, string contentType, string url, string? serviceUrl, long maxBytes,
        CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || !IsAllowed(uri))
        {
            return InboundFile.Failed(name, "Teams gave a download address I don't fetch from (https only).");
        }
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        // The connector's token goes only under the conversation's own serviceUrl; SharePoint download URLs carry their own grant.
        if (channel.Mode == TeamsMode.Authenticated && serviceUrl is { Length: > 0 }
            && uri.AbsoluteUri.StartsWith(serviceUrl.TrimEnd('/') + "/", StringComparison.OrdinalIgnoreCase))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await token.GetAsync(cancellationToken));
        }
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return InboundFile.Failed(name, $"Teams answered {(int)response.StatusCode} when I downloaded it. Please try again.");
            }
            var bytes = await CappedDownload.ReadAsync(response, maxBytes, cancellationToken);
            return bytes is null
                ? InboundFile.Failed(name, $"it is larger than {maxBytes / (1024 * 1024.0):0.#} MB, the most I take.")
                : new InboundFile(name, response.Content.Headers.ContentType?.MediaType is { } media && media != "application/octet-stream" ? media : contentType, bytes);
        }
        catch (HttpRequestException)
        {
            return InboundFile.Failed(name, "the download from Teams failed. Please try again.");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return InboundFile.Failed(name, "the download from Teams timed out. Please try again.");
        }
    }

    /// <summary>https only; plain http just for loopback, as the other Teams endpoints allow for local stand-ins.</summary>
    private static bool IsAllowed(Uri uri) =>
        uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && TeamsOptions.IsLoopback(uri));

    private static string? String(JsonNode? node) =>
        node is not null && node.GetValueKind() == JsonValueKind.String && node.GetValue<string>() is { Length: > 0 } s ? s : null;
}
