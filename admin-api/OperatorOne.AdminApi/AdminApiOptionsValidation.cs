using Microsoft.Extensions.Options;
using OperatorOne.AdminApi.Oidc;

namespace OperatorOne.AdminApi;

/// <summary>Fails start with a message naming each bad AdminApi:Oidc entry.</summary>
internal sealed class AdminApiOptionsValidation : IValidateOptions<AdminApiOptions>
{
    public ValidateOptionsResult Validate(string? name, AdminApiOptions options)
    {
        var problems = OidcProvider.Problems(options.Oidc).ToList();
        if (options.OperatorKey is { Length: > 0 } key && (key.Length < 32 || key.Any(char.IsWhiteSpace)))
        {
            problems.Add("AdminApi:OperatorKey must be at least 32 characters without spaces (e.g. `openssl rand -hex 32`).");
        }
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
