using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Data.Crm;

namespace OperatorOne.Skills.Crm;

/// <summary>The words people use for a company's relation to us.</summary>
internal static class CompanyKinds
{
    /// <summary>The kinds as the kind slot holds them.</summary>
    public const string Values = "prospect|customer|vendor|partner";

    /// <summary>Other words for a kind, and the kind the slot gets for them ("a client" is a customer).</summary>
    private static readonly Dictionary<string, string> OtherWords = new(StringComparer.Ordinal)
    {
        ["client"] = "customer",
        ["supplier"] = "vendor",
    };

    /// <summary>Null words mean a prospect; unknown words are null.</summary>
    public static CompanyKind? Read(string? word) => (word ?? "").Trim().ToLowerInvariant() switch
    {
        "" or "prospect" or "lead" => CompanyKind.Prospect,
        "customer" or "client" => CompanyKind.Customer,
        "vendor" or "supplier" => CompanyKind.Vendor,
        "partner" => CompanyKind.Partner,
        _ => null,
    };

    public static string Article(CompanyKind kind) => kind == CompanyKind.Prospect ? "a prospect" : $"a {CrmText.Word(kind)}";

    /// <summary>
    /// A pattern written with a place for the kind, once with the kinds captured and once per other word that implies
    /// its kind, so "new client company: Hooli" fills kind=customer as the slot's description says. The captured
    /// pattern comes first: where the kind is optional and unsaid, it wins the tie.
    /// </summary>
    public static IEnumerable<Utterance> Said(Func<string, string> pattern, string values = Values) =>
    [
        Utterance.Of(pattern($"(?<kind>{values})")),
        .. OtherWords.Select(w => Utterance.Of(pattern(w.Key), new Dictionary<string, string> { ["kind"] = w.Value })),
    ];
}
