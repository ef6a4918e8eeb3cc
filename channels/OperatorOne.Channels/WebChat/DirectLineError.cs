using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using OperatorOne.Bot.Core.Security;

namespace OperatorOne.Channels.WebChat;

/// <summary>The Direct Line error body, <c>{"error":{"code","message"}}</c>, which DLJS and Web Chat read.</summary>
internal sealed record DirectLineError(DirectLineErrorDetail Error)
{
    public static JsonHttpResult<DirectLineError> Result(int statusCode, string code, string message) =>
        TypedResults.Json(new DirectLineError(new DirectLineErrorDetail(code, message)), statusCode: statusCode);

    public static JsonHttpResult<DirectLineError> MissingCredentials() =>
        Result(StatusCodes.Status401Unauthorized, "Unauthorized", "Send 'Authorization: Bearer <secret or token>'.");

    public static JsonHttpResult<DirectLineError> BadCredentials() =>
        Result(StatusCodes.Status403Forbidden, "BadArgument", "The secret or token is not valid.");

    public static JsonHttpResult<DirectLineError> TokenExpired() =>
        Result(StatusCodes.Status403Forbidden, "TokenExpired", "The token has expired; generate a new one.");

    public static JsonHttpResult<DirectLineError> WrongConversation() =>
        Result(StatusCodes.Status403Forbidden, "BadArgument", "The token is not valid for this conversation.");

    public static JsonHttpResult<DirectLineError> ConversationNotFound() =>
        Result(StatusCodes.Status404NotFound, "NotFound", "Conversation not found.");

    public static JsonHttpResult<DirectLineError> BadJson(string message) =>
        Result(StatusCodes.Status400BadRequest, "BadArgument", message);

    public static JsonHttpResult<DirectLineError> TooLarge() =>
        Result(StatusCodes.Status413PayloadTooLarge, "MessageSizeTooBig", $"Activities are limited to {DirectLineBody.MaxActivityBytes / 1024} KB.");

    /// <summary>What the input check refuses on a Direct Line path (or a 503 while the database is away), as a Direct Line error.</summary>
    public static Task RejectAsync(HttpContext http, InboundProblem problem) =>
        Result(problem.Status, problem.Status switch
        {
            StatusCodes.Status413PayloadTooLarge => "MessageSizeTooBig",
            >= 500 => "ServiceError",
            _ => "BadArgument",
        }, problem.Reason).ExecuteAsync(http);

    public static JsonHttpResult<DirectLineError> BotError() =>
        Result(StatusCodes.Status502BadGateway, "BotError", "The bot failed to process the activity; try again.");
}

internal sealed record DirectLineErrorDetail(string Code, string Message);
