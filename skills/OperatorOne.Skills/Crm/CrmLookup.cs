using Microsoft.EntityFrameworkCore;
using OperatorOne.Data;

namespace OperatorOne.Skills.Crm;

/// <summary>Fuzzy look-ups with pg_trgm's word similarity, served by the trigram GIN indexes on the names.</summary>
internal static class CrmLookup
{
    /// <summary>Below this a name is a different name: "Dan" still finds "Dana Lee", "Bob" does not.</summary>
    public const double Threshold = 0.5;

    private const int Limit = 10;

    public static async Task<List<CrmRecord>> ContactsAsync(OperatorOneDb db, CrmQuery query, CancellationToken cancellationToken)
    {
        var hits = db.Contacts
            .Select(c => new
            {
                c.Id,
                c.FullName,
                c.CompanyId,
                Company = db.Companies.Where(co => co.Id == c.CompanyId).Select(co => co.Name).FirstOrDefault(),
                Score = EF.Functions.TrigramsWordSimilarity(query.Name, c.FullName),
            })
            .Where(x => x.Score >= Threshold);
        if (query.Company is { } company)
        {
            hits = hits.Where(x => x.Company != null && EF.Functions.TrigramsWordSimilarity(company, x.Company) >= Threshold);
        }
        var rows = await hits.OrderByDescending(x => x.Score).ThenBy(x => x.FullName).Take(Limit).ToListAsync(cancellationToken);
        return rows.ConvertAll(x => new CrmRecord(CrmRecordKind.Contact, x.Id, x.FullName, x.Company, x.CompanyId, x.Score));
    }

    public static async Task<List<CrmRecord>> CompaniesAsync(OperatorOneDb db, string name, CancellationToken cancellationToken)
    {
        var rows = await db.Companies
            .Select(c => new { c.Id, c.Name, Score = EF.Functions.TrigramsWordSimilarity(name, c.Name) })
            .Where(x => x.Score >= Threshold)
            .OrderByDescending(x => x.Score).ThenBy(x => x.Name).Take(Limit)
            .ToListAsync(cancellationToken);
        return rows.ConvertAll(x => new CrmRecord(CrmRecordKind.Company, x.Id, x.Name, null, x.Id, x.Score));
    }

    public static async Task<List<CrmRecord>> LeadsAsync(OperatorOneDb db, CrmQuery query, CancellationToken cancellationToken)
    {
        var text = query.ToString();
        var rows = await db.Leads
            .Select(l => new
            {
                l.Id,
                l.Name,
                l.CompanyName,
                l.CompanyId,
                Score = Math.Max(EF.Functions.TrigramsWordSimilarity(query.Name, l.Name),
                    EF.Functions.TrigramsWordSimilarity(text, l.Name + " " + (l.CompanyName ?? ""))),
            })
            .Where(x => x.Score >= Threshold)
            .OrderByDescending(x => x.Score).ThenBy(x => x.Name).Take(Limit)
            .ToListAsync(cancellationToken);
        return rows.ConvertAll(x => new CrmRecord(CrmRecordKind.Lead, x.Id, x.Name, x.CompanyName, x.CompanyId, x.Score));
    }

    public static async Task<List<CrmRecord>> DealsAsync(OperatorOneDb db, string name, CancellationToken cancellationToken)
    {
        var rows = await db.Deals
            .Select(d => new
            {
                d.Id,
                d.Name,
                d.CompanyId,
                Company = db.Companies.Where(co => co.Id == d.CompanyId).Select(co => co.Name).FirstOrDefault(),
                Score = EF.Functions.TrigramsWordSimilarity(name, d.Name),
            })
            .Where(x => x.Score >= Threshold)
            .OrderByDescending(x => x.Score).ThenBy(x => x.Name).Take(Limit)
            .ToListAsync(cancellationToken);
        return rows.ConvertAll(x => new CrmRecord(CrmRecordKind.Deal, x.Id, x.Name, x.Company, x.CompanyId, x.Score));
    }

    /// <summary>Whatever a name means, most specific first: a person, else a company, else a lead, else a deal.</summary>
    public static async Task<CrmMatch> AnythingAsync(OperatorOneDb db, CrmQuery query, CancellationToken cancellationToken)
    {
        var contacts = await ContactsAsync(db, query, cancellationToken);
        if (contacts.Count > 0)
        {
            return CrmMatch.Decide(query, contacts);
        }
        if (query.Company is null)
        {
            var companies = await CompaniesAsync(db, query.Name, cancellationToken);
            if (companies.Count > 0)
            {
                return CrmMatch.Decide(query, companies);
            }
        }
        var leads = await LeadsAsync(db, query, cancellationToken);
        if (leads.Count > 0)
        {
            return CrmMatch.Decide(query, leads);
        }
        return CrmMatch.Decide(query, await DealsAsync(db, query.ToString(), cancellationToken));
    }
}
