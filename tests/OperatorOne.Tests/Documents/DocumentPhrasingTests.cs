using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Tests.Nlu;

namespace OperatorOne.Tests.Documents;

/// <summary>Document sentences said the ways people say them reach their tool with every slot read.</summary>
public sealed class DocumentPhrasingTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
    private static readonly Lazy<ToolRegistry> Tools = BuiltInTools.Registry;

    [Fact]
    public void ALinkToACalendarIsNoDocument() =>
        Assert.NotEqual("open_document", UtteranceReader.Read("send me the link to add my calendar to outlook", Tools.Value.All, Now)?.Tool.Name);

    [Fact]
    public void AWordOfTheDocumentsNameIsNotTakenForWhoMaySeeIt()
    {
        var slots = SlotFinder.Find(Tools.Value.Find("change_document_visibility")!, "change visibility of staff rota to everyone in the organization", Now, TimeZoneInfo.Utc);

        Assert.Equal("staff rota", slots["document"]);
    }

    [Theory]
    // Who may see it says the visibility: only me is private, a team is that team, everyone is the organization.
    [InlineData("only I should be able to see the bonus plan", "change_document_visibility", "document=bonus plan|visibility=private")]
    [InlineData("hide the bonus plan doc from everyone but me", "change_document_visibility", "document=bonus plan|visibility=private")]
    [InlineData("let the Finance team see budget-2026.xlsx", "change_document_visibility", "document=budget-2026.xlsx|visibility=team|team=Finance")]
    [InlineData("only the Finance team should see the budget sheet", "change_document_visibility", "document=budget sheet|visibility=team|team=Finance")]
    [InlineData("find guides about scanners", "search_documents", "query=scanners|kind=guide")]
    [InlineData("look for docs on parking", "search_documents", "query=parking")]
    [InlineData("please delete 'Draft - Q3 plan (old)'", "delete_document", "document=Draft - Q3 plan (old)")]
    [InlineData("show me 'Shift Swaps 2027'", "open_document", "document=Shift Swaps 2027")]
    [InlineData("can I get the Forklift Safety Guide pls", "open_document", "document=Forklift Safety Guide")]
    [InlineData("i'd like to read the fire drill checklist", "open_document", "document=fire drill checklist")]
    [InlineData("restrict the Forklift Safety Guide to the Warehouse team", "change_document_visibility", "document=Forklift Safety Guide|visibility=team|team=Warehouse")]
    [InlineData("open up the expenses policy to everyone in the company", "change_document_visibility", "document=expenses policy|visibility=organization")]
    [InlineData("let everyone see the fire drill guide", "change_document_visibility", "document=fire drill guide|visibility=organization")]
    // A kind of document said as which documents to search fills the kind; "from" or "by" someone, the owner.
    [InlineData("look in the policies for anything on sick pay", "search_documents", "query=sick pay|kind=policy")]
    [InlineData("any guides from Omar on the till reset?", "search_documents", "query=the till reset|kind=guide|owner=Omar")]
    [InlineData("are there docs by Omar about stocktake", "search_documents", "query=stocktake|owner=Omar")]
    [InlineData("tag budget-2026.xlsx: finance, board", "tag_document", "document=budget-2026.xlsx|tag=finance, board")]
    [InlineData("label fire-drill.pdf with the tag safety", "tag_document", "document=fire-drill.pdf|tag=safety")]
    [InlineData("pull up budget_2026_v2.xlsx", "open_document", "document=budget_2026_v2.xlsx")]
    public void DocumentsAreSaidTheirWay(string text, string tool, string slots)
    {
        var reading = UtteranceReader.Read(text, Tools.Value.All, Now);

        Assert.Equal(tool, reading?.Tool.Name);
        Assert.Null(reading!.Problem);
        foreach (var pair in slots.Split('|').Select(s => s.Split('=', 2)))
        {
            Assert.True(reading.Arguments.ContainsKey(pair[0]), $"{pair[0]} missing from {reading.Arguments.ToJsonString()}");
            Assert.Equal(pair[1], reading.Arguments[pair[0]]!.ToString().Trim('"'), ignoreCase: true);
        }
    }
}
