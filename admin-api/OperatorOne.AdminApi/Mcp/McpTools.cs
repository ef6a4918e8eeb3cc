using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using OperatorOne.Bot.Core.Audit;
using OperatorOne.Bot.Core.Outbox;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Data;
using OperatorOne.Data.Audit;

namespace OperatorOne.AdminApi.Mcp;

/// <summary>
/// tools/list and tools/call for the authenticated member. The list is exactly what the member's role allows (built-in
/// and the organization's custom tools; tools taking a secret, such as the voice PIN, are never offered). A call is one
/// unit of work of its own — a DI scope, the organization and member set on the connection, one transaction — through
/// the same <see cref="ToolExecutor"/> as a chat turn, so a risky call becomes an approval request and everything is audited.
/// </summary>
internal sealed class McpTools(IServiceScopeFactory scopes, ToolRegistry registry, TimeProvider clock)
{
    public const string Channel = "mcp";

    public static McpTools For(MessageContext request) =>
        (request.Services ?? throw new InvalidOperationException("The MCP request has no services.")).GetRequiredService<McpTools>();

    public async ValueTask<ListToolsResult> ListAsync(RequestContext<ListToolsRequestParams> request, CancellationToken cancellationToken)
    {
        var who = McpCaller.From(request.User) ?? throw new McpException("Not authenticated.");
        await using var scope = scopes.CreateAsyncScope();
        var (db, caller) = await EnterAsync(scope, who, cancellationToken);
        var tools = await registry.ForOrganizationAsync(db, who.OrganizationId, cancellationToken);
        return new ListToolsResult { Tools = [.. tools.AllowedFor(caller).Where(Offered).Select(Describe)] };
    }

    public async ValueTask<CallToolResult> CallAsync(RequestContext<CallToolRequestParams> request, CancellationToken cancellationToken)
    {
        var who = McpCaller.From(request.User) ?? throw new McpException("Not authenticated.");
        var name = request.Params?.Name ?? "";
        var arguments = new JsonObject();
        foreach (var (key, value) in request.Params?.Arguments ?? new Dictionary<string, JsonElement>())
        {
            arguments[key] = JsonNode.Parse(value.GetRawText());
        }
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var (db, caller) = await EnterAsync(scope, who, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var context = new ToolContext
        {
            Db = db,
            OrganizationId = who.OrganizationId,
            Caller = caller,
            Clock = clock,
            Outbox = services.GetRequiredService<OutboxWriter>(),
            TurnId = $"mcp:{Guid.NewGuid():N}",
        };
        var tool = (await registry.ForOrganizationAsync(db, who.OrganizationId, cancellationToken)).Find(name);
        var outcome = tool is not null && !Offered(tool)
            ? ToolOutcome.Denied($"{name} takes a secret, so it is used in chat, not over MCP.")
            : await services.GetRequiredService<ToolExecutor>().ExecuteAsync(new ToolCall(name, arguments), context, cancellationToken);
        services.GetRequiredService<AuditLog>().Record(context, AuditKinds.McpCall, outcome.Kind.ToString().ToLowerInvariant(), who.Credential, name);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        services.GetRequiredService<Bot.Core.Work.WorkSignal>().Notify(OutboxWork.QueueName);
        return Result(outcome);
    }

    /// <summary>What the client sees: an approval is not an error ("approval #N requested"); a refusal is, with its reason.</summary>
    internal static CallToolResult Result(ToolOutcome outcome)
    {
        var text = outcome.Kind == ToolOutcomeKind.AwaitingApproval && outcome.Approval is { } approval
            ? $"Approval #{approval.Number} requested: {approval.Summary}. It runs when an approver approves it."
            : outcome.Result.Text;
        var structured = new JsonObject { ["outcome"] = outcome.Kind.ToString() };
        if (outcome.Approval is { } requested)
        {
            structured["approval"] = requested.Number;
        }
        if (outcome.Result.Card is { } card)
        {
            structured["card"] = card.DeepClone();
        }
        return new CallToolResult
        {
            Content = [new TextContentBlock { Text = text }],
            StructuredContent = JsonSerializer.SerializeToElement(structured),
            IsError = outcome.Kind is not (ToolOutcomeKind.Ran or ToolOutcomeKind.AwaitingApproval),
        };
    }

    private static bool Offered(RegisteredTool tool) => tool.Definition.SecretParameters.Count == 0;

    private static Tool Describe(RegisteredTool tool)
    {
        var tier = tool.Definition.Tier;
        var gated = tier is ToolTier.RiskyWrite or ToolTier.Admin;
        return new Tool
        {
            Name = tool.Name,
            Description = tool.Definition.Description + (gated ? " (Needs approval: a call requests it and returns its number.)" : ""),
            InputSchema = tool.Function.JsonSchema,
            Annotations = new ToolAnnotations { ReadOnlyHint = tier == ToolTier.ReadOnly, DestructiveHint = gated },
        };
    }

    /// <summary>The scope's store set to the caller's organization and member, and the caller as the executor sees them.</summary>
    private static async Task<(OperatorOneDb Db, Caller Caller)> EnterAsync(AsyncServiceScope scope, AdminCaller who, CancellationToken cancellationToken)
    {
        var db = scope.ServiceProvider.GetRequiredService<OperatorOneDb>();
        await db.UseOrganizationAsync(who.OrganizationId, cancellationToken);
        await db.UseMemberAsync(who.MemberId, cancellationToken);
        var zone = await db.Members.Where(m => m.Id == who.MemberId)
            .Select(m => m.TimeZone ?? db.Organizations.Where(o => o.Id == m.OrganizationId).Select(o => o.TimeZone).First())
            .SingleOrDefaultAsync(cancellationToken);
        return (db, new Caller(who.MemberId, who.DisplayName, who.Role, Channel, who.Credential) { TimeZone = zone ?? "UTC" });
    }
}
