namespace OperatorOne.Tests.Nlu;

/// <summary>CRM sentences the tools' own patterns read whole: a deal's company, currency and close date, a lead's company, a contact's detail.</summary>
public sealed class CrmPatternTests
{
    [Fact]
    public void ACompanyBeforeAColonIsTheDealsCompany()
    {
        var (tool, slots) = ToolPatterns.Match("new deal for Orbit Labs: data migration, $12k, expected close 3 March, stage negotiation");

        Assert.Equal("add_deal", tool);
        Assert.Equal(("Orbit Labs", "data migration", "$12k", "3 March", "negotiation"),
            (slots["company"], slots["name"], slots["amount"], slots["closes"], slots["stage"]));
    }

    [Fact]
    public void ACurrencyAndACloseDateSaidAsLabelsAreRead()
    {
        var slots = ToolPatterns.Match("create a deal \"Harbour pumps\" for 8000, currency CHF, close date April 2, in proposal").Slots;

        Assert.Equal(("8000", "CHF", "April 2", "proposal"), (slots["amount"], slots["currency"], slots["closes"], slots["stage"]));
    }

    [Fact]
    public void TheNamedDealForACompanyIsAddedWithIt()
    {
        var (tool, slots) = ToolPatterns.Match("add the fleet tracking deal for Orbit Labs, 4k GBP, should close 9 Feb");

        Assert.Equal("add_deal", tool);
        Assert.Equal(("fleet tracking", "Orbit Labs", "4k GBP", "9 Feb"), (slots["name"], slots["company"], slots["amount"], slots["closes"]));
    }

    [Theory]
    [InlineData("new lead, Ravi Kumar, company Tandem Bikes", "Ravi Kumar", "Tandem Bikes")]
    [InlineData("add a lead: Ana Silva, she's with Brightwave", "Ana Silva", "Brightwave")]
    [InlineData("met a woman called Ines at the expo, she's with Lumen Optics, add her as a lead", "Ines", "Lumen Optics")]
    public void TheCompanySaidApartFromALeadsNameIsItsCompany(string text, string name, string company)
    {
        var (tool, slots) = ToolPatterns.Match(text);

        Assert.Equal("add_lead", tool);
        Assert.Equal((name, company), (slots["name"], slots["company"]));
    }

    [Fact]
    public void ALeadFromACompanyStaysOneName() =>
        Assert.False(ToolPatterns.Match("new lead: Sara Cole from Stark Industries").Slots.ContainsKey("company"));

    [Fact]
    public void WhoseEmailIsAskedIsTheContactWithoutTheApostrophe()
    {
        var (tool, slots) = ToolPatterns.Match("what's Omar's phone number? he's a customer");

        Assert.Equal("find_contact", tool);
        Assert.Equal("Omar", slots["name"]);
    }

    [Fact]
    public void AContactWhoMovedToACompanyIsUpdated()
    {
        var (tool, slots) = ToolPatterns.Match("jo park moved to globex, update her company");

        Assert.Equal("update_contact", tool);
        Assert.Equal(("jo park", "globex"), (slots["contact"], slots["company"]));
    }

    [Theory]
    [InlineData("the budget review moved to friday at 3pm")]
    [InlineData("i moved to Europe/Lisbon")]
    public void MovingToADayOrAPlaceIsNotAContactsNewCompany(string text) =>
        Assert.NotEqual("update_contact", ToolPatterns.Tool(text));

    [Fact]
    public void AnAmountBeforeDealIsNotItsName()
    {
        var slots = ToolPatterns.Match("add a 5k deal with Hooli closing friday").Slots;

        Assert.Equal(("Hooli", "5k"), (slots["name"], slots["amount"]));
    }

    [Fact]
    public void AContactsNewNumberIsTheirPhone()
    {
        var (tool, slots) = ToolPatterns.Match("Dana from Acme has a new number: 0161 555 0100");

        Assert.Equal("update_contact", tool);
        Assert.Equal(("Dana from Acme", "0161 555 0100"), (slots["contact"], slots["phone"]));
    }
}
