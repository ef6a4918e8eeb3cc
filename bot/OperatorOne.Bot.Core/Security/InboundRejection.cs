using Microsoft.AspNetCore.Http;

namespace OperatorOne.Bot.Core.Security;

/// <summary>
/// How a channel answers the requests under <see cref="Prefix"/> that the inbound check refuses, in the error shape its
/// clients read (Direct Line errors, plain text); paths no channel claims get ProblemDetails.
/// </summary>
public sealed record InboundRejection(PathString Prefix, Func<HttpContext, InboundProblem, Task> WriteAsync);
