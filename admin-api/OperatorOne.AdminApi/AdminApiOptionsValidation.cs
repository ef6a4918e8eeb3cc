using Microsoft.Extensions.Options;
using OperatorOne.AdminApi.Oidc;

namespace OperatorOne.AdminApi;

/// <summary>Fails start with a message naming each bad AdminApi:Oidc entry.</summary>
internal sealed class AdminApiOptionsValidation : IValidateOptions<AdminApiOptions>
{
    public ValidateOptionsResult Validate(string? name, AdminApiOptions options)
    {
        var problems = OidcProvider.Problems(options.Oidc).ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
