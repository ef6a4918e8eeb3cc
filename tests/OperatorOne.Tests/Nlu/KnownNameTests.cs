using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Bot.Core.Tools;

namespace OperatorOne.Tests.Nlu;

/// <summary>
/// Names checked against the organization's own (a gazetteer like the demo's): found in lowercase and speech, cut out of
/// the words around them, never cut from a longer name or an address; and the other slot-reading rules of issue 16.
/// </summary>
public sealed class KnownNameTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 5, 10, 0, 0, TimeSpan.Zero);

    private static readonly Gazetteer Names = new(
        members: ["Ada Admin", "Mia Member", "Max Miller", "Olivia Owner"],
        companies: ["Acme", "Globex", "Initech", "Staples"],
        people: ["Dana Lee", "Jo Park"],
        deals: ["Acme renewal", "Initech pilot"]);

    private static readonly Lazy<ToolRegistry> Tools = BuiltInTools.Registry;

    private static IReadOnlyDictionary<string, string> Find(string tool, string text, Gazetteer? names) =>
        SlotFinder.Find(Tools.Value.Find(tool)!, text, Now, TimeZoneInfo.Utc, names);

    [Theory]
    [InlineData("remove_member", "member", "remove her please, mia is leaving", "mia")]
    [InlineData("change_member_role", "member", "give mia admin rights", "mia")]
    [InlineData("show_audit_log", "member", "what has mia been doing", "mia")]
    [InlineData("move_lead", "lead", "the globex lead moves to qualified", "globex")]
    [InlineData("update_deal", "owner", "ada owns the Initech pilot deal now", "ada")]
    [InlineData("update_deal", "deal", "ada owns the Initech pilot deal now", "Initech pilot")]
    public void ALowercaseOrSpokenNameIsFoundByTheOrganizationsNames(string tool, string parameter, string text, string value)
    {
        Assert.Equal(value, Find(tool, text, Names).GetValueOrDefault(parameter));
        // Without the names the same sentence is read otherwise: the gazetteer is what finds it.
        Assert.NotEqual(value, Find(tool, text, null).GetValueOrDefault(parameter));
    }

    [Fact]
    public void WhatACutNameLeftOverFillsTheFreeTextAndTypedSlotsStillEmpty()
    {
        var activity = UtteranceReader.Read("had a meeting with Acme, demo went well", Tools.Value.All, Now, TimeZoneInfo.Utc, Names)!;
        var company = Find("update_company", "staples should be marked as a partner", Names);

        Assert.Equal("Acme", activity.Arguments["with"]?.GetValue<string>());
        Assert.Equal("demo went well", activity.Arguments["summary"]?.GetValue<string>());
        Assert.Equal("staples", company["company"]);
        Assert.Equal("partner", company.GetValueOrDefault("kind"));
    }

    [Theory]
    [InlineData("assign #12 to Mia Wong", "assignee", "Mia Wong")]
    [InlineData("assign ticket 12 to me", "assignee", "me")]
    [InlineData("set Dana Lee's email to dana.lee@acme.example", "email", "dana.lee@acme.example")]
    [InlineData("deactivate user @max", "member", "@max")]
    public void ALongerNameAnAddressAndMeAreNeverCutToAKnownName(string text, string parameter, string value)
    {
        var reading = UtteranceReader.Read(text, Tools.Value.All, Now, TimeZoneInfo.Utc, Names)!;

        Assert.Equal(value, reading.Arguments[parameter]?.GetValue<string>());
        Assert.Null(reading.Arguments["company"]);
    }

    [Fact]
    public void AnUnknownCapitalizedNameIsKeptEvenWhenTheSentenceHoldsAKnownOne()
    {
        // The pattern's capture ("Umbrella, like Acme,") is not cut down to the one name the organization knows.
        Assert.StartsWith("Umbrella", Find("update_company", "Umbrella, like Acme, is a customer now", Names)["company"], StringComparison.Ordinal);
    }

    [Fact]
    public void ATitlesSecondSentenceIsTheTicketsDescription()
    {
        var slots = Find("create_ticket", "new ticket: printer on floor 3 jams. it happens with every double sided job", null);

        Assert.Equal("printer on floor 3 jams", slots["title"]);
        Assert.Equal("it happens with every double sided job", slots.GetValueOrDefault("description"));
    }

    [Theory]
    [InlineData("comment_on_ticket", "text", "tell ticket 12 that we restarted the server", "we restarted the server")]
    [InlineData("open_document", "document", "can i see the VPN setup guide", "the VPN setup guide")]
    public void ASubjectStaysWithItsVerbButAQuestionsDoesNot(string tool, string parameter, string text, string value) =>
        Assert.Equal(value, Find(tool, text, null)[parameter]);

    [Fact]
    public void FirstNamesMatchWholeWordsInAnyCaseAndTheLongestNameWins()
    {
        Assert.Equal(["ada"], Names.Find("assign it to ada.", [NameKind.Member]).Select(m => "assign it to ada."[m.Start..(m.Start + m.Length)]));
        Assert.Empty(Names.Find("the adapter is broken", [NameKind.Member]));
        var deal = Assert.Single(Names.Find("the Acme renewal is signed", [NameKind.Deal, NameKind.Company]));
        Assert.Equal(("Acme renewal".Length, NameKind.Deal), (deal.Length, deal.Kind));
    }
}
