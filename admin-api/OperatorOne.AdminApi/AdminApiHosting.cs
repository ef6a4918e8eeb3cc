using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OperatorOne.AdminApi.ApiKeys;
using OperatorOne.AdminApi.Channels;
using OperatorOne.AdminApi.Invitations;
using OperatorOne.AdminApi.Approvals;
using OperatorOne.AdminApi.Audit;
using OperatorOne.AdminApi.Contacts;
using OperatorOne.AdminApi.Documents;
using OperatorOne.AdminApi.Installations;
using OperatorOne.AdminApi.Integrations;
using OperatorOne.AdminApi.Members;
using OperatorOne.AdminApi.Oidc;
using OperatorOne.AdminApi.Organizations;
using OperatorOne.AdminApi.Outbox;
using OperatorOne.AdminApi.Recognition;
using OperatorOne.AdminApi.Setup;
using OperatorOne.AdminApi.Teams;
using OperatorOne.AdminApi.Usage;
using OperatorOne.Bot.Core.Security;

namespace OperatorOne.AdminApi;

public static class AdminApiHosting
{
    public const string Prefix = "/admin/v1";

    /// <summary>Key and OIDC token authentication, the per-credential rate limit and the OpenAPI document for /admin/v1.</summary>
    public static IHostApplicationBuilder AddAdminApi(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<AdminApiOptions>().Bind(builder.Configuration.GetSection(AdminApiOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<AdminApiOptions>, AdminApiOptionsValidation>();
        builder.Services.AddHttpClient(OidcTokens.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(10));
        builder.Services.AddSingleton<OidcTokens>();
        builder.Services.AddSingleton<AdminRateLimiter>();
        builder.Services.AddScoped<AdminAuthentication>();
        builder.Services.AddScoped<InstallationClaims>();
        builder.Services.AddSingleton<SetupGate>();
        builder.Services.AddHostedService<SetupAnnouncer>();
        builder.Services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
            FiniteNumbers.AddTo(json.SerializerOptions.Converters);
        });
        builder.Services.AddOpenApi(AdminOpenApi.Configure);
        return builder;
    }

    /// <summary>
    /// /admin/v1/organizations/{organizationId}/…, the OpenAPI document and its reference page. The gate is middleware (it
    /// must run before binding), so this takes the application, not a route group.
    /// </summary>
    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        var pipeline = app as IApplicationBuilder ?? throw new InvalidOperationException("MapAdminApi maps on the application: its gate is middleware.");
        pipeline.UseMiddleware<AdminApiGate>();
        var organization = app.MapGroup($"{Prefix}/organizations/{{{AdminApiEndpoint.OrganizationRouteValue}:guid}}")
            .WithMetadata(AdminApiEndpoint.Instance, CheckedByGate.Instance)
            // Defence in depth: a handler never runs without the caller the gate sets.
            .AddEndpointFilter((context, next) => context.HttpContext.Features.Get<AdminCaller>() is null
                ? ValueTask.FromResult<object?>(TypedResults.Problem("Not authenticated.", statusCode: StatusCodes.Status401Unauthorized))
                : next(context))
            .WithTags("Organization")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
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
        organization.MapTeams();
        organization.MapRecognition();
        organization.MapInvitations();
        organization.MapChannels();
        organization.MapContactImport();
        organization.MapIntegrations();

        var organizations = app.MapGroup($"{Prefix}/organizations")
            .WithMetadata(AdminApiEndpoint.Instance, CheckedByGate.Instance, OperatorAccess.Only)
            .AddEndpointFilter((context, next) => context.HttpContext.Features.Get<AdminCaller>() is null
                ? ValueTask.FromResult<object?>(TypedResults.Problem("Not authenticated.", statusCode: StatusCodes.Status401Unauthorized))
                : next(context))
            .WithTags("Operator")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        organizations.MapOperator();

        app.MapSetup();
        app.MapGet("/admin/channels", ChannelsPage.Show).ExcludeFromDescription();
        app.MapGet(ChannelsPage.ScriptPath, ChannelsPage.Script).ExcludeFromDescription();
        app.MapOpenApi();
        app.MapGet("/admin/reference", ReferencePage.Html).ExcludeFromDescription();
        app.MapGet("/admin/reference.js", ReferencePage.Script).ExcludeFromDescription();
        return app;
    }
}
