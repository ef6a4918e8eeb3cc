using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.AI;

namespace OperatorOne.Bot.Core.Tools;

/// <summary>Builds the AIFunction of a tool: ToolContext and CancellationToken are bound, never part of the schema.</summary>
internal static class ToolFunctions
{
    public const string ContextKey = "operatorone.tool-context";

    public static JsonSerializerOptions SerializerOptions { get; } = CreateSerializerOptions();

    public static AIFunction Create(ToolDefinition definition) =>
        AIFunctionFactory.Create(definition.Handler, new AIFunctionFactoryOptions
        {
            Name = definition.Name,
            Description = definition.Description,
            SerializerOptions = SerializerOptions,
            ConfigureParameterBinding = BindContext,
            // The executor needs the ToolResult itself, not its JSON.
            MarshalResult = static (result, _, _) => new ValueTask<object?>(result),
        });

    private static AIFunctionFactoryOptions.ParameterBindingOptions BindContext(ParameterInfo parameter) =>
        parameter.ParameterType == typeof(ToolContext)
            ? new AIFunctionFactoryOptions.ParameterBindingOptions
            {
                ExcludeFromSchema = true,
                BindParameter = static (_, arguments) => arguments.Context?[ContextKey]
                    ?? throw new InvalidOperationException("A tool ran without its context."),
            }
            : default;

    private static JsonSerializerOptions CreateSerializerOptions()
    {
        var options = new JsonSerializerOptions(AIJsonUtilities.DefaultOptions);
        // First, so it wins over the PascalCase enum converter the defaults carry: the schema and the LLM see "high", not "High".
        options.Converters.Insert(0, new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
