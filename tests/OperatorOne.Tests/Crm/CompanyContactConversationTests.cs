using Microsoft.EntityFrameworkCore;
using OperatorOne.Data.Crm;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.Crm;

/// <summary>
/// Companies and contacts are recorded and edited directly in chat (not only by converting a lead), and the rows hold
/// what was said: kind, name, company, email and phone.
/// </summary>
[Collection(BotCollection.Name)]
public sealed class CompanyContactConversationTests(BotHost host)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task CompaniesAndContactsAreStoredAsSaidAndEditsChangeOnlyWhatWasNamed()
    {
        var org = await TestOrganization.CreateAsync(host);
        using var mia = await Chat.StartAsync(host, org, "member");

        await mia.Send("add company Umbrella as a customer");
        await mia.ExpectReply("Umbrella", Patience);
        await mia.Send("add a contact: Sam Reed from Hooli, sam@hooli.example");
        await mia.ExpectReply("Sam Reed", Patience);
        await mia.Send("add a contact: Kim Lo from Hooli, kim@hooli.example");
        await mia.ExpectReply("Kim Lo", Patience);
        await mia.Send("set Sam Reed's email to sam.reed@hooli.example");
        await mia.ExpectReply("sam.reed@hooli.example", Patience);
        await mia.Send("set Sam Reed's phone to +1 555 0100");
        await mia.ExpectReply("+1 555 0100", Patience);
        await mia.Send("mark the company Hooli as a customer");
        await mia.ExpectReply("customer", Patience);
        await mia.Send("Kim Lo now works at Umbrella");
        await mia.ExpectReply("Umbrella", Patience);

        var companies = await host.InOrganizationAsync(org.Id, db => db.Companies.AsNoTracking().ToDictionaryAsync(c => c.Name, c => c.Kind));
        var contacts = await host.InOrganizationAsync(org.Id, db => db.Contacts.AsNoTracking()
            .Select(c => new { c.FullName, Row = new ContactRow(db.Companies.Where(x => x.Id == c.CompanyId).Select(x => x.Name).FirstOrDefault(), c.Email, c.Phone) })
            .ToDictionaryAsync(c => c.FullName, c => c.Row));
        Assert.Equal(new Dictionary<string, CompanyKind> { ["Umbrella"] = CompanyKind.Customer, ["Hooli"] = CompanyKind.Customer }, companies);
        Assert.Equal(2, contacts.Count);
        Assert.Equal(new ContactRow("Hooli", "sam.reed@hooli.example", "+1 555 0100"), contacts["Sam Reed"]);
        Assert.Equal(new ContactRow("Umbrella", "kim@hooli.example", null), contacts["Kim Lo"]);
    }

    private sealed record ContactRow(string? Company, string? Email, string? Phone);
}
