using Microsoft.EntityFrameworkCore;
using OperatorOne.Data;

namespace OperatorOne.Bot.Core.Ai;

/// <summary>What one organization's turns run with: its own model settings where set, the configured defaults elsewhere.</summary>
public sealed record ModelSettings
{
    public required string OrganizationName { get; init; }
    public required string BusinessContext { get; init; }
    public required string Model { get; init; }
    public required float Temperature { get; init; }
    public required int MaxOutputTokens { get; init; }
    public required LlmBudgetOptions Caps { get; init; }

    public static async Task<ModelSettings> LoadAsync(OperatorOneDb db, Guid organizationId, LlmOptions options, CancellationToken cancellationToken)
    {
        var organization = await db.Organizations.AsNoTracking()
            .Where(o => o.Id == organizationId)
            .Select(o => new { o.Name, o.BusinessContext, o.LlmModel, o.LlmTemperature, o.LlmMaxOutputTokens, o.LlmDailyTokens, o.LlmMonthlyCostUsd })
            .SingleAsync(cancellationToken);
        return new ModelSettings
        {
            OrganizationName = organization.Name,
            BusinessContext = organization.BusinessContext,
            Model = string.IsNullOrWhiteSpace(organization.LlmModel) ? options.Model : organization.LlmModel,
            Temperature = organization.LlmTemperature ?? options.Temperature,
            MaxOutputTokens = organization.LlmMaxOutputTokens ?? options.MaxOutputTokens,
            Caps = new LlmBudgetOptions
            {
                DailyTokens = organization.LlmDailyTokens ?? options.Budget.DailyTokens,
                MonthlyTokens = options.Budget.MonthlyTokens,
                DailyCostUsd = options.Budget.DailyCostUsd,
                MonthlyCostUsd = organization.LlmMonthlyCostUsd ?? options.Budget.MonthlyCostUsd,
            },
        };
    }
}
