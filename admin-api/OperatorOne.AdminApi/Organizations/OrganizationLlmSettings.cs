using OperatorOne.Data.Organizations;

namespace OperatorOne.AdminApi.Organizations;

/// <summary>
/// The organization's own model settings and AI budget caps; null means the configured Llm defaults. In an update,
/// a null field stays as it is and an empty model or a 0 clears back to the default.
/// </summary>
internal sealed record OrganizationLlmSettings(string? Model, float? Temperature, int? MaxOutputTokens, long? DailyTokens, decimal? MonthlyCostUsd)
{
    public static OrganizationLlmSettings From(Organization o) =>
        new(o.LlmModel, o.LlmTemperature, o.LlmMaxOutputTokens, o.LlmDailyTokens, o.LlmMonthlyCostUsd);

    public void ApplyTo(Organization o)
    {
        o.LlmModel = Model is null ? o.LlmModel : Model.Trim() is { Length: > 0 } model ? model : null;
        o.LlmTemperature = Temperature is null ? o.LlmTemperature : Temperature < 0 ? null : Temperature;
        o.LlmMaxOutputTokens = MaxOutputTokens is null ? o.LlmMaxOutputTokens : MaxOutputTokens == 0 ? null : MaxOutputTokens;
        o.LlmDailyTokens = DailyTokens is null ? o.LlmDailyTokens : DailyTokens == 0 ? null : DailyTokens;
        o.LlmMonthlyCostUsd = MonthlyCostUsd is null ? o.LlmMonthlyCostUsd : MonthlyCostUsd == 0 ? null : MonthlyCostUsd;
    }

    public IEnumerable<(string Name, string Problem)> Validate()
    {
        if (Model is { Length: > 200 })
        {
            yield return ("llm.model", "The model id is limited to 200 characters.");
        }
        if (Temperature is > 2)
        {
            yield return ("llm.temperature", "The temperature must be 0 to 2 (a negative value clears it).");
        }
        if (MaxOutputTokens is < 0 or > 100_000)
        {
            yield return ("llm.maxOutputTokens", "Max output tokens must be 1 to 100,000 (0 clears it).");
        }
        if (DailyTokens is < 0)
        {
            yield return ("llm.dailyTokens", "The daily token cap must not be negative (0 clears it).");
        }
        if (MonthlyCostUsd is < 0 or > 1_000_000)
        {
            yield return ("llm.monthlyCostUsd", "The monthly cost cap must be 0 to 1,000,000 USD (0 clears it).");
        }
    }
}
