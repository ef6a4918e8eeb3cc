using System.Globalization;
using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Bot.Core.Tools;

namespace OperatorOne.Tests.Nlu;

/// <summary>
/// Numbers, days and hours said in words (as speech recognizers write them), dates that point back, and the words said
/// after a value that are not it; "now" is Monday 5 January 2026, 10:00 UTC.
/// </summary>
public sealed class SpokenAndTidiedSlotTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 5, 10, 0, 0, TimeSpan.Zero);

    private static readonly Lazy<ToolRegistry> Tools = BuiltInTools.Registry;

    private static string Tidy(string tool, string parameter, string value) => TypedSlots.Tidy(Tools.Value.Find(tool)!, parameter, value);

    [Theory]
    [InlineData("reject approval request one hundred and two", "reject approval request 102")]
    [InlineData("send webhook delivery number five hundred and one again", "send webhook delivery number 501 again")]
    [InlineData("please delete ticket number one thousand and four", "please delete ticket number 1004")]
    [InlineData("change the description of ticket one twenty to the fridge", "change the description of ticket 120 to the fridge")]
    [InlineData("add a note to ticket two hundred only staff can see it", "add a note to ticket 200 only staff can see it")]
    [InlineData("close ticket forty two", "close ticket 42")]
    [InlineData("ticket four two one the kiosk is fine now close it", "ticket 421 the kiosk is fine now close it")]
    [InlineData("reopen ticket three zero seven", "reopen ticket 307")]
    [InlineData("close ticket five hundred and the printer one", "close ticket 500 and the printer one")]
    public void ANumberSaidInWordsAfterWhatItNumbersIsReadWhole(string said, string typed) =>
        Assert.Equal(typed, SpokenNumbers.Digits(said));

    [Theory]
    [InlineData("the thirtieth of january", "2026-01-30T09:00:00+00:00")]
    [InlineData("february twenty eighth", "2026-02-28T09:00:00+00:00")]
    [InlineData("april sixth", "2026-04-06T09:00:00+00:00")]
    [InlineData("thursday the eighth at ten am", "2026-01-08T10:00:00+00:00")]
    [InlineData("on the ninth at three pm", "2026-01-09T15:00:00+00:00")]
    [InlineData("monday the twelfth at nine thirty", "2026-01-12T09:30:00+00:00")]
    [InlineData("friday at three thirty", "2026-01-09T15:30:00+00:00")]
    [InlineData("saturday at seven am", "2026-01-10T07:00:00+00:00")]
    [InlineData("on the 15th at 2pm", "2026-01-15T14:00:00+00:00")]
    [InlineData("the 2nd", "2026-02-02T09:00:00+00:00")]
    public void DaysAndHoursSaidInWordsAreRead(string text, string expected) =>
        Assert.Equal(DateTimeOffset.Parse(expected, CultureInfo.InvariantCulture), NaturalDates.Parse(text, Now, TimeZoneInfo.Utc));

    [Theory]
    [InlineData("the second floor")]
    [InlineData("ten weeks")]
    public void OrdinalsAndNumbersOutsideADayAreNoDate(string text) => Assert.Null(NaturalDates.Parse(text, Now, TimeZoneInfo.Utc));

    [Theory]
    [InlineData("1 January", "2026-01-01")]
    [InlineData("1 December", "2025-12-01")]
    [InlineData("monday", "2026-01-05")]
    [InlineData("friday", "2026-01-02")]
    [InlineData("the 20th", "2025-12-20")]
    public void ADateThatPointsBackIsTheLatestOneUpToToday(string text, string day) =>
        Assert.Equal(day, NaturalDates.Parse(text, Now, TimeZoneInfo.Utc, past: true)!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    [Fact]
    public void AnAuditLogSinceADateLooksBack()
    {
        var (value, problem) = SlotValues.Convert(Tools.Value.Find("show_audit_log")!, "since", "1 January", Now, TimeZoneInfo.Utc);
        Assert.Null(problem);
        Assert.StartsWith("2026-01-01T", value!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void ADayCapturedInWordsIsWrittenAsTheParameterAsks() =>
        Assert.Equal("2026-05-01", SlotValues.Convert(Tools.Value.Find("add_holiday")!, "date", "1 May 2026", Now, TimeZoneInfo.Utc).Value!.GetValue<string>());

    [Theory]
    [InlineData("delete_crm_record", "name", "Kestrel Data from the CRM, they closed down", "Kestrel Data")]
    [InlineData("delete_crm_record", "name", "Svetlana at Baltic Freight, she left", "Svetlana at Baltic Freight")]
    [InlineData("delete_crm_record", "name", "'Acme renewal' completely", "Acme renewal")]
    [InlineData("convert_lead", "lead", "Fjord Outdoor lead, they said yes", "Fjord Outdoor")]
    [InlineData("convert_lead", "lead", "Emeka Obi's", "Emeka Obi")]
    [InlineData("move_lead", "lead", "Emeka Obi's lead stage", "Emeka Obi")]
    [InlineData("move_lead", "lead", "Fjord Outdoor ->", "Fjord Outdoor")]
    [InlineData("cancel_event", "event", "the team lunch, Lars is sick", "the team lunch")]
    [InlineData("add_company", "name", "Macy's", "Macy's")]
    [InlineData("search_tickets", "query", "the Xero sync error? look through the tickets", "the Xero sync error")]
    [InlineData("search_tickets", "query", "vpn timeout in them", "vpn timeout")]
    [InlineData("create_ticket", "title", "the TV in the break room has no signal:", "the TV in the break room has no signal")]
    [InlineData("set_time_zone", "zone", "my time zone should be nairobi", "nairobi")]
    public void AValueEndsWhereWhatIsSaidAboutItBegins(string tool, string parameter, string captured, string value) =>
        Assert.Equal(value, Tidy(tool, parameter, captured));

    [Fact]
    public void AWordADescriptionSaysStandsForAValueIsThatValue()
    {
        Assert.Equal("customer", Tidy("add_company", "kind", "client"));
        Assert.Equal("vendor", TypedSlots.Find(Tools.Value.Find("add_company")!, "kind", "add nordic paper as a supplier", Now, TimeZoneInfo.Utc)!.Value);
    }

    [Fact]
    public void SumsAndDurationsSaidInWordsAreFound()
    {
        Assert.Equal("eight thousand euros", TypedSlots.Find(Tools.Value.Find("add_deal")!, "amount", "lusa wines website worth eight thousand euros closing soon", Now, TimeZoneInfo.Utc)!.Value);
        Assert.Equal("fifteen minutes", TypedSlots.Duration("shift the team lunch fifteen minutes later")!.Value);
        Assert.Null(TypedSlots.Duration("on thursday the eighth"));
    }

    [Fact]
    public void WithShorthandIsTheWordPatternsKnow() =>
        Assert.Equal("log call with Ingrid Solberg - chasing invoice 3321", UtteranceMatcher.Normalize("log call w/ Ingrid Solberg - chasing invoice 3321"));

    [Fact]
    public void ADateBeforeAColonEndsThere() =>
        Assert.Equal("on Friday 9am", TypedSlots.Date("I need a reminder on Friday 9am: send payslips", Now, TimeZoneInfo.Utc)!.Value);

    [Fact]
    public void ANameCutAtTheNextValueLosesThatValuesLabel()
    {
        var slots = new Dictionary<string, string>(StringComparer.Ordinal) { ["contact"] = "Grace Mensah", ["company"] = "Accra Fresh and her email is grace@accrafresh.com" };
        Assert.Equal("Accra Fresh", InlineValues.Separate(Tools.Value.Find("update_contact")!, slots, Now, TimeZoneInfo.Utc)["company"]);
    }

    [Fact]
    public void AttendeesEndWhereTheDateBegins()
    {
        var slots = new Dictionary<string, string>(StringComparer.Ordinal) { ["attendees"] = "hannah and raj on thursday the eighth at ten am" };
        var separated = InlineValues.Separate(Tools.Value.Find("create_event")!, slots, Now, TimeZoneInfo.Utc);
        Assert.Equal("hannah and raj", separated["attendees"]);
        Assert.Equal("on thursday the eighth at ten am", separated["starts_at"]);
    }

    [Fact]
    public void ARoomCanBeNamed() =>
        Assert.Equal("Room Kilimanjaro", TypedSlots.Find(Tools.Value.Find("create_event")!, "location", "the board prep in Room Kilimanjaro on the 15th", Now, TimeZoneInfo.Utc)!.Value);

    [Fact]
    public void WhereOpensTheQuestionNotTheName() => Assert.Equal("Noor", Tidy("find_free_slot", "members", "where Noor"));

    [Theory]
    [InlineData("Umbrella lead back", "Umbrella")]
    [InlineData("Oscorp lead on", "Oscorp")]
    public void TheParticleAfterTheKindOfRecordIsNotItsName(string captured, string lead) =>
        Assert.Equal(lead, Tidy("move_lead", "lead", captured));

    [Fact]
    public void EachOwnersMarkInAListOfPeopleGoesWithTheCalendarsTheyOwn() =>
        Assert.Equal("ada and mia", Tidy("find_free_slot", "members", "ada's and mia's calendars"));
}
