using Microsoft.Extensions.Hosting;
using OperatorOne.Bot.Core.Hosting;
using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Skills.Tickets;

namespace OperatorOne.Tests.Nlu;

/// <summary>The pure text → tool + slots step: typo tolerance, courtesy words, and free text kept as typed.</summary>
public sealed class UtteranceReaderTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 5, 10, 0, 0, TimeSpan.Zero);
    private static readonly ToolRegistry Registry = Build();

    private static ToolRegistry Build()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.AddBotCore();
        builder.AddTickets();
        return new ToolRegistry(builder.Services.Where(d => d.ServiceType == typeof(ToolDefinition)).Select(d => (ToolDefinition)d.ImplementationInstance!));
    }

    [Theory]
    [InlineData("delte ticket 12", "delete_ticket")]
    [InlineData("asign 12 to mia", "assign_ticket")]
    [InlineData("shwo my tickets", "list_my_tickets")]
    [InlineData("clsoe ticket 12", "change_ticket_status")]
    public void AMistypedKeywordStillFindsTheTool(string text, string tool)
    {
        Assert.Equal(tool, UtteranceReader.Read(text, Registry.All, Now)?.Tool.Name);
    }

    [Fact]
    public void ACorrectedSentenceKeepsTheCapturedTextAsTyped()
    {
        var reading = UtteranceReader.Read("commnet on 12: rebooted it", Registry.All, Now);

        Assert.Equal("comment_on_ticket", reading?.Tool.Name);
        Assert.Equal("rebooted it", reading?.Arguments["text"]?.GetValue<string>());
    }

    [Fact]
    public void CourtesyWordsAroundARequestAreIgnored()
    {
        var reading = UtteranceReader.Read("could you please close ticket 31, thanks", Registry.All, Now);

        Assert.Equal("change_ticket_status", reading?.Tool.Name);
        Assert.Equal(31, reading?.Arguments["number"]?.GetValue<int>());
        Assert.Equal("closed", reading?.Arguments["status"]?.GetValue<string>());
    }

    [Fact]
    public void ABareNumberIsNotACommand()
    {
        Assert.Null(UtteranceReader.Read("12", Registry.All, Now));
    }

    [Fact]
    public void AStatusWordBecomesTheEnumValueTheSchemaExpects()
    {
        var reading = UtteranceReader.Read("set ticket 12 to pending", Registry.All, Now);

        Assert.Null(reading?.Problem);
        Assert.Equal("pending", reading?.Arguments["status"]?.GetValue<string>());
    }

    [Fact]
    public void AMisspelledChoiceWordReadsAsTheChoiceThePatternLists()
    {
        var reading = UtteranceReader.Read("set ticket 12 to pendign", Registry.All, Now);

        Assert.Null(reading?.Problem);
        Assert.Equal("pending", reading?.Arguments["status"]?.GetValue<string>());
    }

    [Fact]
    public void EditDistanceCountsASwapOfNeighboursOnce()
    {
        Assert.Equal(1, KeywordSpelling.Distance("tikcet", "ticket", 2));
        Assert.Equal(3, KeywordSpelling.Distance("abc", "xyzabc", 2));
    }
}
