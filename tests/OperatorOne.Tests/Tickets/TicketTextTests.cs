using OperatorOne.Data.Tickets;
using OperatorOne.Skills.Tickets;

namespace OperatorOne.Tests.Tickets;

public class TicketTextTests
{
    [Fact]
    public void ATitleStartsWithACapitalAndLosesItsFullStop() =>
        Assert.Equal("Printer on floor 2 is jammed", TicketText.Title("  printer on floor 2 is jammed. "));

    [Fact]
    public void ATitleKeepsItsOwnCapitals() =>
        Assert.Equal("VPN", TicketText.Title("VPN"));

    [Fact]
    public void AnOverlongTitleIsCutToFitTheColumn()
    {
        var title = TicketText.Title(new string('x', 500));

        Assert.Equal(TicketText.MaxTitleLength, title.Length);
        Assert.EndsWith("…", title);
    }

    [Fact]
    public void AListOfWordsReadsLikeASentence()
    {
        Assert.Equal("open", TicketText.List(["open"]));
        Assert.Equal("open or closed", TicketText.List(["open", "closed"]));
        Assert.Equal("open, resolved or closed", TicketText.List(["open", "resolved", "closed"]));
    }

    [Fact]
    public void ATicketLineShowsNumberTitleStatusPriorityAndAssignee() =>
        Assert.Equal("#12 Printer jammed (open, high, Mia Wong)",
            TicketText.Line(new TicketRow(12, "Printer jammed", TicketStatus.Open, TicketPriority.High, "Mia Wong")));

    [Fact]
    public void AnUnassignedTicketSaysSo() =>
        Assert.Equal("#3 VPN (new, normal, unassigned)",
            TicketText.Line(new TicketRow(3, "VPN", TicketStatus.New, TicketPriority.Normal, null)));
}
