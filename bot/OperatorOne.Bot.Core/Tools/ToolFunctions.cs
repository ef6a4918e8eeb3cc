using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using OperatorOne.Bot.Core.Outbox;
using OperatorOne.Data;

namespace OperatorOne.Bot.Core.Tools;

/// <summary>
/// Builds the AIFunction of a tool. A tool declares what it needs as parameters, the way a minimal-API handler does:
/// parameters of simple types (text, numbers, enums, dates, ids and lists of them) are its arguments and make up the
/// schema the LLM and the recognizer fill; any other parameter is bound per call and never appears in the schema:
/// <see cref="OperatorOneDb"/> (scoped to the organization and caller), <see cref="Caller"/>, <see cref="TimeProvider"/>,
/// <see cref="OutboxWriter"/>, <see cref="CurrentOrganization"/>, <see cref="ToolCallOrigin"/> (conversation, turn,
/// approver), <see cref="CallHandOff"/> for the rare tool that hands the call on to another tool or an approval decision,
/// or else a service from the executor's scope (the turn's, the request's). The approval hooks
/// (<see cref="ToolDefinition.Check"/>, <see cref="ToolDefinition.Summarize"/>) bind the same way: one mechanism.
/// </summary>
internal static class ToolFunctions
{
    public const string ContextKey = "operatorone.tool-context";

    public static JsonSerializerOptions SerializerOptions { get; } = CreateSerializerOptions();

    public static AIFunction Create(ToolDefinition definition)
    {
        var function = Create(definition.Name, definition.Description, definition.Handler);
        return definition.ParameterSchema is { } schema ? new StatedSchema(function, schema) : function;
    }

    /// <summary>A hook of a tool (its pre-approval check, its approval summary), bound like its handler.</summary>
    public static AIFunction? CreateHook(ToolDefinition definition, Delegate? hook, string what) =>
        hook is null ? null : Create($"{definition.Name}.{what}", $"{what} of {definition.Name}", hook);

    private static AIFunction Create(string name, string description, Delegate method) =>
        AIFunctionFactory.Create(method, new AIFunctionFactoryOptions
        {
            Name = name,
            Description = description,
            SerializerOptions = SerializerOptions,
            ConfigureParameterBinding = Bind,
            // The executor needs the ToolResult (or the summary) itself, not its JSON.
            MarshalResult = static (result, _, _) => new ValueTask<object?>(result),
        });

    /// <summary>Runs a tool's handler or hook with the call's arguments and what the context and the scope supply.</summary>
    public static async Task<object?> InvokeAsync(AIFunction function, ToolCall call, ToolContext context, IServiceProvider? services,
        CancellationToken cancellationToken) =>
        await function.InvokeAsync(new AIFunctionArguments(ToDictionary(call.Arguments))
        {
            Context = new Dictionary<object, object?> { [ContextKey] = context },
            Services = services,
        }, cancellationToken);

    private static Dictionary<string, object?> ToDictionary(JsonObject arguments) =>
        arguments.ToDictionary(p => p.Key, p => (object?)(p.Value is null ? null : JsonSerializer.SerializeToElement(p.Value)));

    /// <summary>A tool whose arguments are data: the handler binds as usual, the schema is the one the definition states.</summary>
    private sealed class StatedSchema(AIFunction inner, JsonElement schema) : DelegatingAIFunction(inner)
    {
        public override JsonElement JsonSchema => schema;
    }

    /// <summary>Whether a parameter is an argument (in the schema) rather than something the call supplies.</summary>
    public static bool IsArgument(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsArray)
        {
            return IsArgument(type.GetElementType()!);
        }
        if (type.IsGenericType && type.GetGenericTypeDefinition() is var generic
            && (generic == typeof(List<>) || generic == typeof(IReadOnlyList<>) || generic == typeof(IEnumerable<>)))
        {
            return IsArgument(type.GetGenericArguments()[0]);
        }
        return type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(Guid)
            || type == typeof(DateTimeOffset) || type == typeof(DateTime) || type == typeof(DateOnly) || type == typeof(TimeOnly)
            || type == typeof(TimeSpan) || type == typeof(JsonElement) || type == typeof(JsonNode) || type == typeof(JsonObject)
            // Bound by AIFunctionFactory itself.
            || type == typeof(CancellationToken) || type == typeof(AIFunctionArguments) || type == typeof(IServiceProvider);
    }

    private static AIFunctionFactoryOptions.ParameterBindingOptions Bind(ParameterInfo parameter)
    {
        var type = parameter.ParameterType;
        if (IsArgument(type))
        {
            return default;
        }
        return new AIFunctionFactoryOptions.ParameterBindingOptions
        {
            ExcludeFromSchema = true,
            BindParameter = (_, arguments) => Resolve(type, arguments),
        };
    }

    private static object Resolve(Type type, AIFunctionArguments arguments)
    {
        var context = arguments.Context?[ContextKey] as ToolContext ?? throw new InvalidOperationException("A tool ran without its context.");
        return type switch
        {
            _ when type == typeof(Caller) => context.Caller,
            _ when type == typeof(OperatorOneDb) => context.Db,
            _ when type == typeof(OutboxWriter) => context.Outbox,
            _ when type == typeof(TimeProvider) => context.Clock,
            _ when type == typeof(CurrentOrganization) => context.Organization,
            _ when type == typeof(ToolCallOrigin) => context.Origin,
            _ when type == typeof(CallHandOff) => new CallHandOff(context, arguments.Services ?? throw new InvalidOperationException("A tool ran without services.")),
            _ => (arguments.Services ?? throw new InvalidOperationException("A tool ran without services.")).GetRequiredService(type),
        };
    }

    private static JsonSerializerOptions CreateSerializerOptions()
    {
        var options = new JsonSerializerOptions(AIJsonUtilities.DefaultOptions);
        // First, so it wins over the PascalCase enum converter the defaults carry: the schema and the LLM see "high", not "High".
        options.Converters.Insert(0, new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
