namespace OperatorOne.Skills.Crm;

/// <summary>A contact row as read from the file, with its line.</summary>
public sealed record ImportRow(int Line, string Name, string? Email, string? Phone, string? Company);

public sealed record ImportProblem(int Line, string Reason);

/// <summary>What an import would do: the rows to add, the rows already in the CRM, the bad rows, and the new companies.</summary>
public sealed record ImportPlan(
    IReadOnlyList<ImportRow> Add, IReadOnlyList<ImportProblem> AlreadyThere, IReadOnlyList<ImportProblem> Problems,
    IReadOnlyList<string> NewCompanies, IReadOnlyList<string> IgnoredColumns);

/// <summary>An existing contact, as duplicates are recognized: by name at the same company, or by email.</summary>
public sealed record KnownContact(string Name, string? Company, string? Email);

/// <summary>
/// Decides a CSV import of contacts without a database: columns by header (name, or first and last name; email; phone;
/// company), each row checked by <see cref="ContactRules"/>, repeats inside the file refused, contacts already in the
/// CRM skipped. Companies are matched by exact name (case-insensitive); unknown ones are created as prospects.
/// </summary>
public static class ContactImport
{
    public const int MaxRows = 5000;

    private static readonly string[] NameColumns = ["name", "full name", "full_name", "fullname", "contact", "contact name"];
    private static readonly string[] FirstColumns = ["first name", "first_name", "firstname", "given name"];
    private static readonly string[] LastColumns = ["last name", "last_name", "lastname", "surname", "family name"];
    private static readonly string[] EmailColumns = ["email", "e-mail", "email address", "mail"];
    private static readonly string[] PhoneColumns = ["phone", "phone number", "telephone", "tel", "mobile"];
    private static readonly string[] CompanyColumns = ["company", "company name", "organization", "organisation", "account"];

    /// <summary>The plan, or why the file as a whole can't be read (no header, no name column, too many rows).</summary>
    public static (ImportPlan? Plan, string? Problem) Decide(IReadOnlyList<CsvRecord> records, IReadOnlyList<KnownContact> known, IReadOnlyCollection<string> companies)
    {
        if (records.Count == 0)
        {
            return (null, "The file is empty; it needs a header line (name,email,phone,company) and a row per contact.");
        }
        if (records.Count - 1 > MaxRows)
        {
            return (null, $"The file has {records.Count - 1} rows; import at most {MaxRows} at a time.");
        }
        var header = records[0].Fields.Select(f => f.Trim().ToLowerInvariant()).ToList();
        int Column(string[] names) => header.FindIndex(names.Contains);
        var (name, first, last) = (Column(NameColumns), Column(FirstColumns), Column(LastColumns));
        if (name < 0 && (first < 0 || last < 0))
        {
            return (null, "The header needs a 'name' column (or 'first name' and 'last name'); 'email', 'phone' and 'company' are optional.");
        }
        var (email, phone, company) = (Column(EmailColumns), Column(PhoneColumns), Column(CompanyColumns));
        var used = new[] { name, first, last, email, phone, company }.Where(i => i >= 0).ToHashSet();
        var ignored = header.Where((h, i) => !used.Contains(i) && h.Length > 0).ToList();

        var knownCompanies = new HashSet<string>(companies, StringComparer.OrdinalIgnoreCase);
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var (add, there, problems, created) = (new List<ImportRow>(), new List<ImportProblem>(), new List<ImportProblem>(), new List<string>());
        foreach (var record in records.Skip(1))
        {
            string? Field(int i) => i >= 0 && i < record.Fields.Count ? ContactRules.Clean(record.Fields[i]) : null;
            if (record.Fields.Count != header.Count)
            {
                problems.Add(new ImportProblem(record.Line, $"{record.Fields.Count} fields; the header has {header.Count}."));
                continue;
            }
            var row = new ImportRow(record.Line, Field(name) ?? string.Join(' ', new[] { Field(first), Field(last) }.OfType<string>()), Field(email), Field(phone), Field(company));
            var problem = ContactRules.Problem(row.Name, row.Email, row.Phone)
                ?? (row.Company?.Length > 200 ? "The company name is longer than 200 characters." : null);
            if (problem is not null)
            {
                problems.Add(new ImportProblem(record.Line, problem));
                continue;
            }
            var keys = Keys(row.Name, row.Company, row.Email);
            if (keys.FirstOrDefault(seen.ContainsKey) is { } repeat)
            {
                problems.Add(new ImportProblem(record.Line, $"Repeats line {seen[repeat]}."));
                continue;
            }
            keys.ForEach(k => seen[k] = record.Line);
            if (known.Any(k => keys.Intersect(Keys(k.Name, k.Company, k.Email), StringComparer.OrdinalIgnoreCase).Any()))
            {
                there.Add(new ImportProblem(record.Line, $"{row.Name} is already a contact."));
                continue;
            }
            if (row.Company is { } at && knownCompanies.Add(at))
            {
                created.Add(at);
            }
            add.Add(row);
        }
        return (new ImportPlan(add, there, problems, created, ignored), null);
    }

    /// <summary>A person is the same when the name matches at the same company, or the email matches.</summary>
    private static List<string> Keys(string name, string? company, string? email)
    {
        var keys = new List<string> { $"name:{name.Trim()}|{company?.Trim()}" };
        if (email is { Length: > 0 })
        {
            keys.Add($"email:{email.Trim()}");
        }
        return keys;
    }
}
