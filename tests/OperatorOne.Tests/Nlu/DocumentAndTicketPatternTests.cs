namespace OperatorOne.Tests.Nlu;

/// <summary>Documents and tickets sentences the tools' own patterns read whole: tags, owners and kinds, a title alone, a category.</summary>
public sealed class DocumentAndTicketPatternTests
{
    [Fact]
    public void ATagBeforeTheQueryIsTheTag()
    {
        var slots = ToolPatterns.Match("search docs tagged finance for mileage rates").Slots;

        Assert.Equal(("finance", "mileage rates"), (slots["tag"], slots["query"]));
    }

    [Fact]
    public void SomeonesDocumentsAreTheOwners()
    {
        var (tool, slots) = ToolPatterns.Match("anything in Omar's docs about travel");

        Assert.Equal("search_documents", tool);
        Assert.Equal(("Omar", "travel"), (slots["owner"], slots["query"]));
    }

    [Theory]
    [InlineData("what does the handbook say about sick pay", "handbook", "sick pay")]
    [InlineData("how much overtime can we do according to the policy", "policy", "how much overtime can we do")]
    public void ABareKindOfDocumentIsWhichDocumentsNotWhatAbout(string text, string kind, string query)
    {
        var slots = ToolPatterns.Match(text).Slots;

        Assert.Equal((kind, query), (slots["kind"], slots["query"]));
    }

    [Fact]
    public void OpeningATitleAloneOpensTheDocument()
    {
        var (tool, slots) = ToolPatterns.Match("download the Health and Safety Plan for me");

        Assert.Equal("open_document", tool);
        Assert.Equal("Health and Safety Plan", slots["document"]);
    }

    [Fact]
    public void OpeningAnotherToolsThingIsNotADocument() =>
        Assert.NotEqual("open_document", ToolPatterns.Tool("open the Acme deal"));

    [Theory]
    [InlineData("raise a printing ticket: tray 2 jams", "printing", "tray 2 jams")]
    [InlineData("the kiosk screen is frozen, log it as hardware", "hardware", "kiosk screen is frozen")]
    public void TheCategoryBeforeTicketOrAfterLogItAsIsTheCategory(string text, string category, string title)
    {
        var (tool, slots) = ToolPatterns.Match(text);

        Assert.Equal("create_ticket", tool);
        Assert.Equal((category, title), (slots["category"], slots["title"]));
    }

    [Theory]
    [InlineData("the door badge reader is dead can someone look at it", "door badge reader is dead")]
    [InlineData("wifi drops in room 4, could you raise a ticket for it", "wifi drops in room 4")]
    public void TheAskAfterTheProblemIsNotTheTitle(string text, string title)
    {
        var (tool, slots) = ToolPatterns.Match(text);

        Assert.Equal("create_ticket", tool);
        Assert.Equal(title, slots["title"]);
    }
}
