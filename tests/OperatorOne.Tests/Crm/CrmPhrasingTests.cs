using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Tests.Nlu;
using OperatorOne.Skills.Crm;

namespace OperatorOne.Tests.Crm;

/// <summary>CRM sentences said the ways people say them reach their tool with every slot read, as the recognizer reads them.</summary>
public sealed class CrmPhrasingTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
    private static readonly Lazy<ToolRegistry> Tools = BuiltInTools.Registry;

    [Theory]
    // Another word for a kind fills the kind it means, as the slot's description says.
    [InlineData("new client company: Ostara Foods", "add_company", "name=Ostara Foods|kind=customer")]
    [InlineData("please add Quill Paper as a supplier", "add_company", "name=Quill Paper|kind=vendor")]
    [InlineData("add Kettle Works as a prospect", "add_company", "name=Kettle Works|kind=prospect")]
    [InlineData("add the company Larch Timber", "add_company", "name=Larch Timber")]
    [InlineData("new vendor in the CRM: Quill Paper", "add_company", "name=Quill Paper|kind=vendor")]
    [InlineData("search CRM for Okafor", "find_contact", "name=Okafor")]
    [InlineData("Ostara Foods is a client now, update the company", "update_company", "company=Ostara Foods|kind=customer")]
    [InlineData("switch Kettle Works to vendor", "update_company", "company=Kettle Works|kind=vendor")]
    [InlineData("change the company name Kettle Works to Kettle Works Ltd", "update_company", "company=Kettle Works|name=Kettle Works Ltd")]
    [InlineData("Larch Timber changed its name to Larch Group, please update it", "update_company", "company=Larch Timber|name=Larch Group")]
    [InlineData("make the company Larch Group a customer", "update_company", "company=Larch Group|kind=customer")]
    [InlineData("make Ana Ruiz a customer from the lead", "convert_lead", "lead=Ana Ruiz")]
    [InlineData("turn Ana Ruiz's lead into a customer", "convert_lead", "lead=Ana Ruiz")]
    public void CompaniesAndLeads(string text, string tool, string slots) => Reads(text, tool, slots);

    [Theory]
    // "name from company" is a name as the parameter takes it; where they work, said any other way, is the company.
    [InlineData("add a contact: Ravi Das from Pellow Mills, ravi@pellow.example", "add_contact", "name=Ravi Das from Pellow Mills|email=ravi@pellow.example")]
    [InlineData("save Ravi Das in the CRM, he's at Pellow Mills, ravi@pellow.example", "add_contact", "name=Ravi Das|company=Pellow Mills|email=ravi@pellow.example")]
    [InlineData("new contact Uma Iyer, she's chief buyer at Corva Retail", "add_contact", "name=Uma Iyer|company=Corva Retail")]
    [InlineData("new contact Uma Iyer, phone +44 7700 900555, company Corva Retail", "add_contact", "name=Uma Iyer|phone=+44 7700 900555|company=Corva Retail")]
    [InlineData("please add Uma Iyer (uma@corva.example) to the crm as a contact", "add_contact", "name=Uma Iyer|email=uma@corva.example")]
    [InlineData("Uma Iyer now works at Pellow Mills and her email is uma@pellow.example", "update_contact", "contact=Uma Iyer|company=Pellow Mills|email=uma@pellow.example")]
    [InlineData("change contact Uma Iyer email to uma@iyer.example", "update_contact", "contact=Uma Iyer|email=uma@iyer.example")]
    [InlineData("remove the phone number for contact Ravi Das", "update_contact", "contact=Ravi Das|phone=none")]
    [InlineData("fix the spelling on contact Ravi Dass, it's Ravi Das", "update_contact", "contact=Ravi Dass|name=Ravi Das")]
    [InlineData("remove the lead Corva Retail from the crm permanently", "delete_crm_record", "kind=lead|name=Corva Retail")]
    [InlineData("delete company Pellow Mills from the CRM, they went bust", "delete_crm_record", "kind=company|name=Pellow Mills")]
    [InlineData("remove the deal 'Corva tills' completely", "delete_crm_record", "kind=deal|name=Corva tills")]
    [InlineData("convert the Corva Retail lead, they signed", "convert_lead", "lead=Corva Retail")]
    [InlineData("set Ana Ruiz's lead stage to qualified", "move_lead", "lead=Ana Ruiz|stage=qualified")]
    [InlineData("lead Corva Retail -> contacted", "move_lead", "lead=Corva Retail|stage=contacted")]
    [InlineData("put the Pellow Mills lead back to contacted", "move_lead", "lead=Pellow Mills|stage=contacted")]
    [InlineData("move the Corva Retail lead on to qualified", "move_lead", "lead=Corva Retail|stage=qualified")]
    [InlineData("add a lead for ana ruiz who works at corva retail", "add_lead", "name=ana ruiz|company=corva retail")]
    public void Contacts(string text, string tool, string slots) => Reads(text, tool, slots);

    [Theory]
    [InlineData("log a new deal: Pellow looms, 4000, currency SEK, close date 12 March, negotiation stage", "add_deal", "name=Pellow looms|amount=4000|currency=SEK|closes=2026-03-12|stage=negotiation")]
    [InlineData("new deal: Pellow looms, company Pellow Mills, 4000 SEK, closing 12 March, proposal", "add_deal", "name=Pellow looms|company=Pellow Mills|amount=4000 SEK|closes=2026-03-12|stage=proposal")]
    [InlineData("create a deal for Corva Retail named Corva tills, 12,000 EUR, closes 2 March", "add_deal", "name=Corva tills|company=Corva Retail|amount=12,000 EUR|closes=2026-03-02")]
    [InlineData("We are pitching Corva Retail. Add a deal named Corva tills for Corva Retail, 12,000 EUR", "add_deal", "name=Corva tills|company=Corva Retail|amount=12,000 EUR")]
    [InlineData("new deal pellow looms five thousand pounds", "add_deal", "name=pellow looms|amount=five thousand pounds")]
    [InlineData("rename deal Corva tills to Corva tills and scanners", "update_deal", "deal=Corva tills|name=Corva tills and scanners")]
    [InlineData("reassign the deal Corva tills to Mia", "update_deal", "deal=Corva tills|owner=Mia")]
    [InlineData("switch the currency on deal Corva tills to USD", "update_deal", "deal=Corva tills|currency=USD")]
    [InlineData("push the close date of Corva tills to 31 March", "update_deal", "deal=Corva tills|closes=2026-03-31")]
    [InlineData("bump the value of the Corva tills deal to 15k", "update_deal", "deal=Corva tills|amount=15k")]
    [InlineData("set the Corva tills deal amount to 9,000 EUR", "update_deal", "deal=Corva tills|amount=9,000 EUR")]
    [InlineData("the Pellow looms deal fell through", "update_deal", "deal=Pellow looms|stage=lost")]
    [InlineData("Pellow looms is lost, they went with a rival", "update_deal", "deal=Pellow looms|stage=lost")]
    [InlineData("we won the Corva tills deal, mark it won", "update_deal", "deal=Corva tills|stage=won")]
    [InlineData("rename event 14 to board prep", "edit_event", "title=board prep")]
    public void Deals(string text, string tool, string slots) => Reads(text, tool, slots);

    [Theory]
    [InlineData("log a meeting with Corva Retail they want a demo in May", "log_activity", "kind=meeting|with=Corva Retail|summary=they want a demo in May")]
    [InlineData("quick note on Pellow Mills they pay late", "log_activity", "kind=note|with=Pellow Mills|summary=they pay late")]
    [InlineData("log a call with Ana Ruiz about the spring order", "log_activity", "kind=call|with=Ana Ruiz|summary=the spring order")]
    [InlineData("note on deal Corva tills: budget signed off", "log_activity", "kind=note|deal=Corva tills|summary=budget signed off")]
    [InlineData("rang Uma Iyer she wants a callback", "log_activity", "kind=call|with=Uma Iyer|summary=she wants a callback")]
    [InlineData("log call w/ Ravi Das - chasing the invoice", "log_activity", "kind=call|with=Ravi Das|summary=chasing the invoice")]
    [InlineData("add a crm note for Pellow Mills they are hiring", "log_activity", "kind=note|with=Pellow Mills|summary=they are hiring")]
    [InlineData("Just got off the phone with Uma Iyer about the Corva tills deal. Log the call: she wants a discount", "log_activity", "kind=call|with=Uma Iyer|deal=Corva tills|summary=she wants a discount")]
    public void Activities(string text, string tool, string slots) => Reads(text, tool, slots);

    [Theory]
    // "new prospect" is a lead's word, and "spoke to" says a lead was contacted: no company or activity pattern takes them.
    [InlineData("new prospect Tom Baker", "add_company")]
    [InlineData("i spoke to Corva Retail today, they're contacted", "log_activity")]
    public void LeadWordsAreLeftToLeads(string text, string notTool) =>
        Assert.NotEqual(notTool, UtteranceReader.Read(text, Tools.Value.All, Now)?.Tool.Name);

    [Theory]
    [InlineData("eight thousand euros", 8000, "EUR")]
    [InlineData("twenty five hundred dollars", 2500, "USD")]
    [InlineData("two thousand five hundred", 2500, null)]
    [InlineData("a million nok", 1000000, "NOK")]
    public void SumsSaidInWordsAreRead(string said, int amount, string? currency) =>
        Assert.Equal(((decimal)amount, currency), CrmMoney.Parse(said));

    private static void Reads(string text, string tool, string slots)
    {
        var reading = UtteranceReader.Read(text, Tools.Value.All, Now);

        Assert.Equal(tool, reading?.Tool.Name);
        Assert.Null(reading!.Problem);
        foreach (var pair in slots.Split('|').Select(s => s.Split('=', 2)))
        {
            Assert.True(reading.Arguments.ContainsKey(pair[0]), $"{pair[0]} missing from {reading.Arguments.ToJsonString()}");
            var value = reading.Arguments[pair[0]]!.ToString().Trim('"');
            // A date is checked by its day: the time of day a bare date gets is the date reader's choice.
            var day = pair[1].Length == 10 && pair[1][4] == '-';
            Assert.True(day ? value.StartsWith(pair[1], StringComparison.Ordinal) : string.Equals(pair[1], value, StringComparison.OrdinalIgnoreCase),
                $"{pair[0]}: expected {pair[1]}, got {value}");
        }
    }
}
