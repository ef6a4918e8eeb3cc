using Microsoft.EntityFrameworkCore;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Data;
using OperatorOne.Data.Crm;

namespace OperatorOne.Skills.Crm;

/// <summary>The company a contact or deal names: an existing one (same name, or one clearly meant), else a new prospect.</summary>
internal static class CrmCompanies
{
    /// <summary>"Acme" finds "Acme Corp"; "Acme Labs" does not, and becomes a company of its own.</summary>
    private const double ClearlyMeant = 0.8;

    public static async Task<(Company? Company, bool Created, ToolResult? Problem)> FindOrAddAsync(OperatorOneDb db, CurrentOrganization organization, DateTimeOffset now, string said, CancellationToken cancellationToken)
    {
        var name = said.Trim().Trim('"', '\'').Trim();
        if (name.Length is 0 or > 200)
        {
            return (null, false, ToolResult.Refused("A company name must be between 1 and 200 characters."));
        }
        var hits = await CrmLookup.CompaniesAsync(db, name, cancellationToken);
        var same = hits.Where(h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase)).ToList();
        var meant = same.Count > 0 ? same : hits.Where(h => h.Score >= ClearlyMeant).ToList();
        if (meant.Count > 1)
        {
            return (null, false, ToolResult.Ask("company", CrmText.WhichOne(name, meant), meant.Select(c => c.Name).ToList()));
        }
        if (meant.Count == 1)
        {
            return (await db.Companies.SingleAsync(c => c.Id == meant[0].Id, cancellationToken), false, null);
        }
        var company = new Company { Id = Guid.NewGuid(), OrganizationId = organization.Id, Name = name, CreatedAt = now };
        db.Companies.Add(company);
        return (company, true, null);
    }

    /// <summary>The currency the organization's latest deal uses, so "worth 5,000" means what it usually means here.</summary>
    public static async Task<string> DefaultCurrencyAsync(OperatorOneDb db, CancellationToken cancellationToken) =>
        await db.Deals.OrderByDescending(d => d.CreatedAt).Select(d => d.Currency.Trim()).FirstOrDefaultAsync(cancellationToken) ?? FallbackCurrency;

    public const string FallbackCurrency = "USD";
}
