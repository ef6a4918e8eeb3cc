using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OperatorOne.AdminApi.ApiKeys;
using OperatorOne.AdminApi.Approvals;
using OperatorOne.AdminApi.Audit;
using OperatorOne.AdminApi.Documents;
using OperatorOne.AdminApi.Installations;
using OperatorOne.AdminApi.Members;
using OperatorOne.AdminApi.Organizations;
using OperatorOne.AdminApi.Outbox;
using OperatorOne.AdminApi.Usage;

namespace OperatorOne.AdminApi;

public static class AdminApiHosting
{
    public const string Prefix = "/admin/v1";

    /// <summary>Key authentication, the per-key rate limit and the OpenAPI document for /admin/v1.</summary>
    public static IHostApplicationBuilder AddAdminApi(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<AdminApiOptions>().Bind(builder.Configuration.GetSection("AdminApi")).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<AdminRateLimiter>();
        builder.Services.AddScoped<AdminAuthentication>();
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase)));
        builder.Services.AddOpenApi(options =>
        {
            options.ShouldInclude = description => description.RelativePath?.StartsWith("admin/v1/", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "OperatorOne admin API";
                document.Info.Description = "Authenticate with `Authorization: Bearer op1_<keyId>_<secret>`. Reads need viewer, writes admin, keys and roles owner.";
                return Task.CompletedTask;
            });
        });
        return builder;
    }

    /// <summary>/admin/v1/organizations/{organizationId}/…, the OpenAPI document and its reference page.</summary>
    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        var organization = app.MapGroup($"{Prefix}/organizations/{{{AdminApiFilter.OrganizationRouteValue}:guid}}")
            .AddEndpointFilter<AdminApiFilter>()
            .WithTags("Organization")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        organization.MapOrganizations();
        organization.MapMembers();
        organization.MapIdentities();
        organization.MapInstallations();
        organization.MapApprovals();
        organization.MapAudit();
        organization.MapOutbox();
        organization.MapUsage();
        organization.MapApiKeys();
        organization.MapDocuments();

        app.MapOpenApi();
        app.MapGet("/admin/reference", ReferencePage.Html).ExcludeFromDescription();
        return app;
    }
}
