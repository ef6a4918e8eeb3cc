using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Bot.Core.Turns;

namespace OperatorOne.Skills.Documents;

/// <summary>
/// The documents skill: files sent in chat or through the admin API are stored with their text, searched with
/// PostgreSQL full text, shared privately, with a team or the organization, and opened through signed links.
/// </summary>
public static class DocumentsSkill
{
    internal static IReadOnlyList<ToolDefinition> Tools { get; } =
    [
        SearchDocuments.Definition,
        OpenDocument.Definition,
        ListMyDocuments.Definition,
        TagDocument.Definition,
        ChangeDocumentVisibility.Definition,
        DeleteDocument.Definition,
    ];

    public static IHostApplicationBuilder AddDocuments(this IHostApplicationBuilder builder)
    {
        foreach (var tool in Tools)
        {
            builder.Services.AddSingleton(tool);
        }
        builder.Services.AddOptions<DocumentsOptions>().Bind(builder.Configuration.GetSection(DocumentsOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<DocumentLinks>();
        builder.Services.AddScoped<IFileIntake, DocumentIntake>();
        return builder;
    }

    /// <summary>The signed download links the bot hands out.</summary>
    public static IEndpointRouteBuilder MapDocuments(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/documents/{documentId:guid}/download", DownloadEndpoint.DownloadAsync).ExcludeFromDescription();
        return endpoints;
    }
}
