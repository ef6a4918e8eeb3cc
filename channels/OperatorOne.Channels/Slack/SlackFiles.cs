using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Options;
using OperatorOne.Bot.Core.Turns;

namespace OperatorOne.Channels.Slack;

/// <summary>
/// Downloads the files of a Slack message with the workspace's bot token (scope files:read). The token goes only to
/// https://files.slack.com or to the configured Web API host (a local stand-in in tests): any other address is refused
/// without a request. A declared size above the cap is refused before downloading, and reading stops at the cap.
/// Redirects are not followed, so the token can never be carried elsewhere. A file that cannot be fetched travels as
/// <see cref="InboundFile.Failed"/> so the person is told why.
/// </summary>
internal sealed class SlackFiles(HttpClient http, SlackWorkspaces workspaces, IOptions<SlackOptions> options, IEnumerable<IFileIntake> intakes)
{
    public const string FileHost = "files.slack.com";

    /// <summary>All downloads of one message together; the turn was acknowledged first when this outlasts Slack's budget.</summary>
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(90);

    /// <summary>The files of one message, each fetched or with the reason it was not.</summary>
    public async Task<IReadOnlyList<InboundFile>> FetchAsync(string teamId, IReadOnlyList<SlackFile> shared, CancellationToken cancellationToken)
    {
        if (intakes.FirstOrDefault() is not { } intake)
        {
            // Nothing takes files: the router answers that, without a download.
            return [.. shared.Select(f => InboundFile.Failed(f.Name, "this bot takes no files."))];
        }
        var token = await workspaces.BotTokenAsync(teamId, cancellationToken);
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(Budget);
        var files = new List<InboundFile>();
        foreach (var file in shared)
        {
            files.Add(await FetchAsync(file, token, intake.MaxBytes, budget.Token, cancellationToken));
        }
        return files;
    }

    private async Task<InboundFile> FetchAsync(SlackFile file, string? token, long maxBytes, CancellationToken budget, CancellationToken cancellationToken)
    {
        var name = file.Name;
        if (file.Size > maxBytes)
        {
            return TooLarge(name, maxBytes);
        }
        if (file.Url is not { } url)
        {
            return InboundFile.Failed(name, "Slack gave me no download address for it (it may have been deleted or is not shared with the app).");
        }
        if (!MayCarryToken(url))
        {
            return InboundFile.Failed(name, $"its download address is not on {FileHost}, so I did not fetch it.");
        }
        if (token is null)
        {
            return InboundFile.Failed(name, "this Slack workspace has no working bot token; ask an admin to reinstall the app.");
        }
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, budget);
            if (Problem(response, file) is { } problem)
            {
                return InboundFile.Failed(name, problem);
            }
            var bytes = await CappedDownload.ReadAsync(response, maxBytes, budget);
            return bytes is null
                ? TooLarge(name, maxBytes)
                : new InboundFile(name, file.MimeType ?? response.Content.Headers.ContentType?.MediaType ?? "application/octet-stream", bytes);
        }
        catch (HttpRequestException)
        {
            return InboundFile.Failed(name, "the download from Slack failed. Please try again.");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return InboundFile.Failed(name, "the download from Slack timed out. Please try again.");
        }
    }

    /// <summary>Why a response is not the file: an error status, a redirect, or Slack's sign-in page (a token without files:read).</summary>
    private static string? Problem(HttpResponseMessage response, SlackFile file)
    {
        var status = (int)response.StatusCode;
        if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Gone)
        {
            return $"Slack no longer has it (HTTP {status}).";
        }
        if (status is >= 300 and < 400
            || (response.Content.Headers.ContentType?.MediaType == "text/html" && file.MimeType != "text/html"))
        {
            return "Slack did not hand the file to the app; it may lack the files:read permission (reinstall the app).";
        }
        return response.IsSuccessStatusCode ? null : $"Slack answered {status} when I downloaded it. Please try again.";
    }

    /// <summary>Slack's file host over https, or the configured Web API host (the stand-in tests point it at).</summary>
    private bool MayCarryToken(Uri url)
    {
        var api = options.Value.ApiBaseUrl;
        return (url.Scheme == Uri.UriSchemeHttps && url.IsDefaultPort && string.Equals(url.Host, FileHost, StringComparison.OrdinalIgnoreCase))
            || (url.Scheme == api.Scheme && string.Equals(url.Authority, api.Authority, StringComparison.OrdinalIgnoreCase));
    }

    private static InboundFile TooLarge(string name, long maxBytes) =>
        InboundFile.Failed(name, $"it is larger than {maxBytes / (1024 * 1024.0):0.#} MB, the most I take.");
}
