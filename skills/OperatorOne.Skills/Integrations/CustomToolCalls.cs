using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using OperatorOne.Bot.Core.Security;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Data;
using OperatorOne.Data.Audit;
using OperatorOne.Data.Integrations;

namespace OperatorOne.Skills.Integrations;

/// <summary>
/// Runs a custom tool once the executor has let it through: the arguments into the URL or body, the stored headers, the
/// signature, the guarded call, and the answer as text. Whatever happens out there, the caller gets a clear reply; the
/// call is audited (method, host, status, latency — never a header value).
/// </summary>
internal sealed class CustomToolCalls(OutboundHttp http, SecretBox secrets, IOptions<IntegrationsOptions> options)
{
    public async Task<ToolResult> RunAsync(Guid toolId, OperatorOneDb db, Caller caller, CurrentOrganization organization, ToolCallOrigin origin, TimeProvider clock, AIFunctionArguments arguments, CancellationToken cancellationToken)
    {
        var row = await db.CustomTools.AsNoTracking().SingleOrDefaultAsync(t => t.Id == toolId && t.IsEnabled, cancellationToken);
        if (row is null)
        {
            return ToolResult.Refused("That tool has just been removed or switched off.");
        }
        var spec = CustomToolSpec.From(row);
        var values = CustomToolArguments.Read(arguments, spec.Schema);
        if (CustomToolArguments.Problem(values, spec.Schema) is { } problem)
        {
            return ToolResult.Refused(problem);
        }
        var hasBody = row.Method is "POST" or "PUT" or "PATCH";
        var (url, _) = CustomToolArguments.Url(row.UrlTemplate, values, queryForRest: !hasBody);
        var body = hasBody ? Encoding.UTF8.GetBytes(values.ToJsonString()) : [];
        using var request = new HttpRequestMessage(new HttpMethod(row.Method), url);
        if (hasBody)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        }
        foreach (var (name, value) in CustomToolSecrets.Headers(row, secrets))
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        request.Headers.Accept.ParseAdd("application/json, text/plain;q=0.9, */*;q=0.1");
        request.Headers.UserAgent.ParseAdd("OperatorOne");
        request.Headers.TryAddWithoutValidation("X-OperatorOne-Tool", row.Name);
        request.Headers.TryAddWithoutValidation("X-OperatorOne-Organization", organization.Id.ToString());
        if (caller.MemberId is { } member)
        {
            request.Headers.TryAddWithoutValidation("X-OperatorOne-Member", member.ToString());
        }
        RequestSignature.Add(request, secrets.Decrypt(row.SigningSecretCipher), clock.GetUtcNow(), body);

        var answer = await http.SendAsync(request, TimeSpan.FromSeconds(row.TimeoutSeconds), cancellationToken);
        Audit(db, caller, organization, origin, clock.GetUtcNow(), row, url, answer);
        return Reply(row, url, answer, options.Value.MaxResponseBytes);
    }

    /// <summary>The decision from what came back: text for the caller, success only for a 2xx that could be read.</summary>
    internal static ToolResult Reply(CustomTool row, Uri url, OutboundResult answer, int maxBytes)
    {
        var what = row.Description.TrimEnd('.');
        var unsure = row.Method == "GET" ? "" : " It may or may not have taken effect.";
        return answer switch
        {
            { Failure: OutboundFailure.Refused } => ToolResult.Refused($"I can't call {row.Name}: {answer.FailureReason}"),
            { Failure: OutboundFailure.TimedOut } => ToolResult.Refused($"{url.Host} did not answer {row.Name} in time ({answer.FailureReason}).{unsure}"),
            { Failure: OutboundFailure.Unreachable } => ToolResult.Refused($"I couldn't reach {url.Host} for {row.Name}: {answer.FailureReason}."),
            { Status: >= 300 and < 400 } => ToolResult.Refused($"{url.Host} answered {row.Name} with a redirect ({answer.Status}), which I don't follow."),
            { TooLarge: true } => ToolResult.Refused($"{url.Host} answered {row.Name} with more than {maxBytes / 1024} KB, so I didn't read it."),
            { Status: < 200 or >= 300 } => ToolResult.Refused($"{url.Host} answered {row.Name} with {answer.Status} {answer.Reason}{Snippet(answer)}.{unsure}".Trim()),
            _ => ResponseRendering.Render(what, answer.Body, answer.ContentType, row.ResponseFormat is null ? null : JsonNode.Parse(row.ResponseFormat) as JsonObject),
        };
    }

    private static string Snippet(OutboundResult answer)
    {
        var text = PlainText.From(Encoding.UTF8.GetString(answer.Body), 200);
        return text.Length == 0 ? "" : $": {text}";
    }

    private static void Audit(OperatorOneDb db, Caller caller, CurrentOrganization organization, ToolCallOrigin origin, DateTimeOffset now, CustomTool row, Uri url, OutboundResult answer) =>
        db.AuditEvents.Add(new AuditEvent
        {
            OrganizationId = organization.Id,
            MemberId = caller.MemberId,
            ConversationId = origin.ConversationId,
            Kind = AuditKinds.IntegrationCall,
            Tool = row.Name,
            Outcome = answer.Failure is { } failure ? failure.ToString().ToLowerInvariant() : answer.Succeeded && !answer.TooLarge ? "ok" : "failed",
            Detail = JsonSerializer.Serialize(new
            {
                method = row.Method,
                host = url.Host,
                path = url.AbsolutePath,
                status = answer.Status == 0 ? (int?)null : answer.Status,
                latencyMs = (int)answer.Elapsed.TotalMilliseconds,
                bytes = answer.Body.Length,
                reason = answer.FailureReason,
                turn = origin.TurnId,
            }),
            DurationMs = (int)answer.Elapsed.TotalMilliseconds,
            CreatedAt = now,
        });
}
