using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Logging;
using OperatorOne.Bot.Core.Activities;
using OperatorOne.Bot.Core.Turns;
using OperatorOne.Bot.Core.Work;

namespace OperatorOne.Channels.WebChat;

/// <summary>
/// POST /conversations/{id}/upload: Web Chat's attach button. Multipart with an optional <c>activity</c> part
/// (application/vnd.microsoft.activity, attachments without contentUrl) and one <c>file</c> part per file; the files
/// travel with the activity into the turn. Files the bot would refuse are answered 4xx before the turn.
/// </summary>
internal static class UploadEndpoints
{
    public const int MaxFiles = 5;
    private const string ActivityPart = "activity";

    public static async Task<Results<Ok<ActivityPosted>, JsonHttpResult<DirectLineError>>> UploadAsync(
        string conversationId, HttpRequest request, ConversationAccess access, WebChatTurns turns,
        IEnumerable<IFileIntake> intakes, ILogger<WebChatTurns> logger, CancellationToken cancellationToken)
    {
        var (caller, conversation, denied) = await access.OpenAsync(request, conversationId, cancellationToken);
        if (caller is null || conversation is null)
        {
            return denied ?? DirectLineError.ConversationNotFound();
        }
        if (intakes.FirstOrDefault() is not { } intake)
        {
            return DirectLineError.Result(StatusCodes.Status400BadRequest, "BadArgument", "This bot takes no files.");
        }
        if (!request.HasFormContentType || !request.ContentType!.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase))
        {
            return DirectLineError.Result(StatusCodes.Status415UnsupportedMediaType, "BadArgument", "Upload with multipart/form-data: an 'activity' part and 'file' parts.");
        }
        var maxRequest = intake.MaxBytes * MaxFiles + DirectLineBody.MaxActivityBytes;
        if (request.ContentLength > maxRequest)
        {
            return TooLarge(intake.MaxBytes);
        }
        var (form, unreadable) = await ReadFormAsync(request, intake.MaxBytes, cancellationToken);
        if (form is null)
        {
            return unreadable ?? DirectLineError.BadJson("The upload could not be read.");
        }
        var (posted, badActivity) = await ReadActivityAsync(form, cancellationToken);
        if (posted is null)
        {
            return badActivity ?? DirectLineError.BadJson("The activity part must be one activity.");
        }
        var parts = form.Files.Where(f => f.Name != ActivityPart).ToList();
        if (parts.Count == 0)
        {
            return DirectLineError.BadJson("The upload has no file part.");
        }
        if (parts.Count > MaxFiles)
        {
            return DirectLineError.BadJson($"Upload at most {MaxFiles} files at once.");
        }
        var files = new List<InboundFile>();
        foreach (var part in parts)
        {
            if (part.Length > intake.MaxBytes)
            {
                return TooLarge(intake.MaxBytes, part.FileName);
            }
            using var buffer = new MemoryStream((int)part.Length);
            await part.CopyToAsync(buffer, cancellationToken);
            var file = new InboundFile(string.IsNullOrWhiteSpace(part.FileName) ? "file" : part.FileName, part.ContentType ?? "application/octet-stream", buffer.ToArray());
            if (intake.Inspect(file) is { } refusal)
            {
                return DirectLineError.Result(refusal.StatusCode, "BadArgument", refusal.Reason);
            }
            files.Add(file);
        }

        // As with posted activities, the sender is whoever the token names (the userId query is ignored).
        var user = new ChannelAccount { Id = caller.Token?.User ?? conversation.UserId, Name = conversation.UserName ?? posted.From?.Name, Role = "user" };
        var echo = posted with
        {
            Type = ActivityTypes.Message,
            Id = null,
            From = user,
            Recipient = WebChatTurns.Bot,
            Attachments = files.Select(f => new Attachment { ContentType = f.ContentType, Name = f.Name }).ToList(),
        };
        var clientActivityId = ClientActivityId.Read(posted);
        if (clientActivityId.Problem is { } problem)
        {
            return DirectLineError.BadJson(problem);
        }
        WebChatPosted answered;
        try
        {
            answered = await turns.PostAsync(conversation, echo, clientActivityId, files, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException && !DatabaseOutage.Is(e))
        {
            // A database outage is not the bot failing: it reaches the host's handler, which answers 503 with Retry-After.
            logger.LogError(e, "The turn for a web chat upload in {Conversation} failed.", conversation.Id);
            return DirectLineError.BotError();
        }
        if (answered.ConversationMissing)
        {
            return DirectLineError.ConversationNotFound();
        }
        if (answered.NotInstalled)
        {
            return DirectLineError.Result(StatusCodes.Status403Forbidden, "BadArgument", "The web chat site is not installed.");
        }
        return TypedResults.Ok(new ActivityPosted(answered.Id!));
    }

    private static async Task<(IFormCollection? Form, JsonHttpResult<DirectLineError>? Error)> ReadFormAsync(
        HttpRequest request, long maxFileBytes, CancellationToken cancellationToken)
    {
        try
        {
            return (await request.ReadFormAsync(cancellationToken), null);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, TooLarge(maxFileBytes));
        }
        catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
        {
            return (null, DirectLineError.BadJson($"The multipart body is malformed: {e.Message}"));
        }
    }

    /// <summary>The activity part (a form field, or a file part as DLJS sends it: a Blob of type application/vnd.microsoft.activity).</summary>
    private static async Task<(Activity? Activity, JsonHttpResult<DirectLineError>? Error)> ReadActivityAsync(IFormCollection form, CancellationToken cancellationToken)
    {
        string? json = form.TryGetValue(ActivityPart, out var field) ? field.ToString() : null;
        if (json is null && form.Files.GetFile(ActivityPart) is { } part)
        {
            if (part.Length > DirectLineBody.MaxActivityBytes)
            {
                return (null, DirectLineError.TooLarge());
            }
            using var reader = new StreamReader(part.OpenReadStream());
            json = await reader.ReadToEndAsync(cancellationToken);
        }
        if (string.IsNullOrWhiteSpace(json))
        {
            return (new Activity { Type = ActivityTypes.Message }, null);
        }
        try
        {
            return JsonSerializer.Deserialize<Activity>(json, BotJson.Options) is { } activity
                ? (activity, null)
                : (null, DirectLineError.BadJson("The activity part must be one activity."));
        }
        catch (JsonException e)
        {
            return (null, DirectLineError.BadJson($"The activity part is not valid JSON: {e.Message}"));
        }
    }

    private static JsonHttpResult<DirectLineError> TooLarge(long maxBytes, string? fileName = null) =>
        DirectLineError.Result(StatusCodes.Status413PayloadTooLarge, "MessageSizeTooBig",
            $"{(fileName is null ? "Files" : fileName)} must be at most {maxBytes / (1024 * 1024.0):0.#} MB.");
}
