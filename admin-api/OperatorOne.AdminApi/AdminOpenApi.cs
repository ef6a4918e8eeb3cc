using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace OperatorOne.AdminApi;

/// <summary>The document's title, its two security schemes, and the requirement (either scheme) on every operation.</summary>
internal static class AdminOpenApi
{
    public const string ApiKeyScheme = "ApiKey";
    public const string BearerScheme = "Bearer";

    public static void Configure(OpenApiOptions options)
    {
        options.ShouldInclude = description => description.RelativePath?.StartsWith("admin/v1/", StringComparison.Ordinal) == true;
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "OperatorOne admin API";
            document.Info.Description = "Authenticate with an API key (`Authorization: Bearer op1_<keyId>_<secret>` or `X-Api-Key`) or, "
                + "where the organization has an identity provider, an OIDC bearer token whose email is an active member's. "
                + "Reads need viewer, writes admin, keys and roles owner.";
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[ApiKeyScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = "X-Api-Key",
                Description = "An op1_ key, in X-Api-Key or as Authorization: Bearer op1_….",
            };
            document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http, Scheme = "bearer", BearerFormat = "JWT",
                Description = "A token from the organization's identity provider (AdminApi:Oidc), or an op1_ key.",
            };
            foreach (var operation in document.Paths.Values.SelectMany(p => p.Operations?.Values.AsEnumerable() ?? []))
            {
                operation.Security =
                [
                    new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeyScheme, document)] = [] },
                    new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [] },
                ];
            }
            return Task.CompletedTask;
        });
    }
}
