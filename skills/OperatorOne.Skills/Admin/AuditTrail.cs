using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OperatorOne.Bot.Core.Members;
using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Data;
using OperatorOne.Data.Audit;
using OperatorOne.Data.Members;

namespace OperatorOne.Skills.Admin;

/// <summary>The audit log for one member and/or a time range, newest first.</summary>
internal static class AuditTrail
{
    public const int MaxShown = 30;

    private const string Audit = "(show |get |list )?(me )?(the )?audit (log|trail|entries|events)";

    private const string Range = "( (since|from|after) (?<since>.+?))?( (until|to|before) (?<until>.+?))?";

    public static ToolDefinition Definition { get; } = new()
    {
        Name = "show_audit_log",
        Description = "Show the audit log for a member or a time range",
        Tier = ToolTier.ReadOnly,
        MinimumRole = MemberRole.Admin,
        Handler = RunAsync,
        Utterances =
        [
            Utterance.Of($"{Audit}( (for|of|by) (?<member>.+?))?{Range}"),
            // "show audit entries of kind approval_decided", "audit log of tool calls since 9": a kind by its name or its everyday words.
            Utterance.Of($"{Audit} ((of|with|for) )?(the )?(kind|type) (?<kind>[a-z]+(_[a-z]+)+){Range}"),
            Utterance.Of($"{Audit} (of|for) (the |all )?tool calls{Range}", new Dictionary<string, string> { ["kind"] = AuditKinds.ToolCall }),
            Utterance.Of($"{Audit} (of|for) (the |all )?approval decisions{Range}", new Dictionary<string, string> { ["kind"] = AuditKinds.ApprovalDecided }),
            Utterance.Of("what (has|did) (?<member>.+?) (done|do)( (since|from|after) (?<since>.+?))?"),
            Utterance.Of("(show |list |get )?(me )?(the )?(llm|ai|model|assistant) (calls|usage|requests|log)( (for|of|by) (?<member>.+?))?( (since|from|after) (?<since>.+?))?( (until|to|before) (?<until>.+?))?",
                new Dictionary<string, string> { ["kind"] = AuditKinds.LlmCall }),
        ],
        HelpExample = "audit log for mia since today 9am",
    };

    public static async Task<ToolResult> RunAsync(
        OperatorOneDb db,
        Caller caller,
        [Description("Only this member's actions: a handle or name.")] string? member = null,
        [Description("Only events at or after this time.")] DateTimeOffset? since = null,
        [Description("Only events before this time.")] DateTimeOffset? until = null,
        [Description("Only events of this kind: llm_call, tool_call, approval_requested, approval_decided …")] string? kind = null,
        CancellationToken cancellationToken = default)
    {
        var events = db.AuditEvents.AsNoTracking();
        var who = "";
        if (!string.IsNullOrWhiteSpace(member))
        {
            var found = await MemberNames.ResolveAsync(db, member, caller.MemberId, cancellationToken, includeInactive: true);
            if (found.Member is not { } person)
            {
                return ToolResult.Refused(found.Problem!);
            }
            events = events.Where(e => e.MemberId == person.Id);
            who = $" for {person.DisplayName}";
        }
        if (!string.IsNullOrWhiteSpace(kind))
        {
            events = events.Where(e => e.Kind == kind.Trim());
        }
        if (since is { } from)
        {
            events = events.Where(e => e.CreatedAt >= from);
        }
        if (until is { } to)
        {
            events = events.Where(e => e.CreatedAt < to);
        }
        var rows = await events.OrderByDescending(e => e.Id).Take(MaxShown + 1)
            .Select(e => new { e.CreatedAt, e.Kind, e.Tool, e.Outcome, e.MemberId, Detail = e.Kind == AuditKinds.LlmCall ? e.Detail : null })
            .ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return new ToolResult($"The audit log has nothing{who} in that range.");
        }
        var names = await db.MemberNamesAsync(rows.Select(r => r.MemberId), cancellationToken);
        var lines = rows.Take(MaxShown).Select(r =>
            $"- {r.CreatedAt.UtcDateTime.ToString("d MMM HH:mm", CultureInfo.InvariantCulture)} {(r.MemberId is { } m ? names.GetValueOrDefault(m, "someone") : "system")}: {r.Tool ?? r.Kind} → {r.Outcome}{LlmUsage(r.Detail)}");
        var more = rows.Count > MaxShown ? $" (latest {MaxShown} shown)" : "";
        return new ToolResult($"Audit log{who}{more}:\n{string.Join("\n", lines)}");
    }

    /// <summary>An LLM call's model, tokens and cost, as its audit row recorded them.</summary>
    internal static string LlmUsage(string? detail)
    {
        if (detail is null)
        {
            return "";
        }
        try
        {
            var root = JsonDocument.Parse(detail).RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("inputTokens", out var input))
            {
                return "";
            }
            var model = root.TryGetProperty("model", out var m) ? m.GetString() : null;
            var output = root.TryGetProperty("outputTokens", out var o) ? o.GetInt64() : 0;
            var cost = root.TryGetProperty("costUsd", out var c) ? c.GetDecimal() : 0;
            return string.Create(CultureInfo.InvariantCulture, $" ({model}, {input.GetInt64()} in / {output} out tokens, ${cost:0.####})");
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            return "";
        }
    }
}
