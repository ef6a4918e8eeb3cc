using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Bot.Core.Tools;

namespace OperatorOne.Tests.Nlu;

/// <summary>Commands people ask as questions or jot as notes, which the patterns read whole: who we know somewhere, whether a ticket exists, a note on a customer.</summary>
public sealed class AskedAsAQuestionTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 5, 10, 0, 0, TimeSpan.Zero);

    private static readonly Lazy<ToolRegistry> Tools = BuiltInTools.Registry;

    private static Reading? Read(string text) => UtteranceReader.Read(text, Tools.Value.All, Now);

    [Theory]
    [InlineData("do we have a contact at Harbour Hotels", "Harbour Hotels")]
    [InlineData("whats the number for kim osei", "kim osei")]
    [InlineData("who do we know at kestrel labs", "kestrel labs")]
    public void AskingWhoWeKnowFindsTheContact(string text, string name)
    {
        var reading = Read(text);

        Assert.Equal("find_contact", reading?.Tool.Name);
        Assert.Equal(name, reading?.Arguments["name"]?.GetValue<string>());
    }

    [Theory]
    [InlineData("is there already a ticket about the flickering lights", "the flickering lights")]
    [InlineData("any existing ticket on the car park barrier", "the car park barrier")]
    [InlineData("look up tickets that mention the loading bay", "the loading bay")]
    [InlineData("did anyone report the broken blinds", "the broken blinds")]
    public void AskingWhetherATicketExistsSearchesTickets(string text, string query)
    {
        var reading = Read(text);

        Assert.Equal("search_tickets", reading?.Tool.Name);
        Assert.Equal(query, reading?.Arguments["query"]?.GetValue<string>());
    }

    [Fact]
    public void ANoteForACustomerIsLogged()
    {
        var reading = Read("note for Kestrel Labs: they want to renew in May");

        Assert.Equal("log_activity", reading?.Tool.Name);
        Assert.Equal("note", reading?.Arguments["kind"]?.GetValue<string>());
        Assert.Equal("Kestrel Labs", reading?.Arguments["with"]?.GetValue<string>());
        Assert.Equal("they want to renew in May", reading?.Arguments["summary"]?.GetValue<string>());
    }

    [Fact]
    public void ANoteOnATicketStaysATicketComment() =>
        Assert.Equal("comment_on_ticket", Read("note on ticket 12: customer called back")?.Tool.Name);

    [Fact]
    public void WhatAMeetingWasLikeSaidAfterACommaIsItsSummary()
    {
        var reading = Read("had a meeting with Kestrel Labs today, they're happy with the pilot");

        Assert.Equal("Kestrel Labs", reading?.Arguments["with"]?.GetValue<string>());
        Assert.Equal("they're happy with the pilot", reading?.Arguments["summary"]?.GetValue<string>());
    }

    [Theory]
    [InlineData("pull up the travel policy", "travel policy")]
    [InlineData("open the staff handbook", "staff handbook")]
    [InlineData("show me the fire drill procedure doc", "fire drill procedure")]
    public void OneDocumentNamedWithItsKindIsOpened(string text, string document)
    {
        var reading = Read(text);

        Assert.Equal("open_document", reading?.Tool.Name);
        Assert.Equal(document, reading?.Arguments["document"]?.GetValue<string>());
    }

    [Fact]
    public void ACalendarAsAFileIsNoDocument() =>
        Assert.NotEqual("open_document", Read("send me my calendar as a file")?.Tool.Name);

    [Fact]
    public void OnlyAdminsCanUseAToolIsItsRole()
    {
        var reading = Read("only admins can use fx_rate");

        Assert.Equal("set_custom_tool_access", reading?.Tool.Name);
        Assert.Equal("admin", reading?.Arguments["role"]?.GetValue<string>());
    }
}
