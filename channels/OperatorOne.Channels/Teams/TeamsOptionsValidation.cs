using Microsoft.Extensions.Options;

namespace OperatorOne.Channels.Teams;

/// <summary>Fails start with a message that names each bad Teams setting.</summary>
internal sealed class TeamsOptionsValidation : IValidateOptions<TeamsOptions>
{
    public ValidateOptionsResult Validate(string? name, TeamsOptions options)
    {
        var problems = TeamsOptions.Problems(options).ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
