using System.Text.Json.Nodes;
using OperatorOne.Bot.Core.Activities;
using OperatorOne.Bot.Core.Approvals;
using OperatorOne.Channels.Slack;
using OperatorOne.Channels.Teams;
using OperatorOne.Data.Approvals;
using OperatorOne.Skills.ServiceDesk;

namespace OperatorOne.Tests.Approvals;

/// <summary>What an approval card says, as each channel shows it: the action in words, the times on the reader's clock.</summary>
public sealed class ApprovalCardTextTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    private static ApprovalRequest Request(string tool, string summary) => new()
    {
        Number = 7,
        Tool = tool,
        Arguments = "{}",
        Summary = summary,
        Status = ApprovalStatus.Pending,
        CreatedAt = new DateTimeOffset(2026, 12, 7, 14, 0, 0, TimeSpan.Zero),
        ExpiresAt = new DateTimeOffset(2026, 12, 8, 14, 0, 0, TimeSpan.Zero),
    };

    [Theory]
    [InlineData("delete_ticket", "Delete ticket")]
    [InlineData("move_shared_event", "Move shared event")]
    [InlineData("change_member_role", "Change member role")]
    public void TheCardNamesTheActionInWordsOnTeamsSlackAndTheWebChat(string tool, string words)
    {
        var card = ApprovalCards.Pending(Request(tool, "Delete ticket #12 (Printer jammed)"), "Mia Member");
        var activity = new Activity { Type = ActivityTypes.Message, Attachments = [Attachment.AdaptiveCard(card)] };

        // The web chat shows the Adaptive Card as it is; Teams gets it with its refresh; Slack gets Block Kit.
        var shown = new[]
        {
            Texts(card),
            Texts(TeamsCards.Render(card, ["29:approver"])),
            Texts(BlockKit.Render(activity).Blocks),
        };

        Assert.All(shown, texts => Assert.Contains(words, texts, StringComparison.Ordinal));
        Assert.All(shown, texts => Assert.DoesNotContain(tool, texts, StringComparison.Ordinal));
    }

    [Fact]
    public void ATimeInTheSummaryIsShownOnEachApproversClock()
    {
        var request = Request("move_shared_event", $"Move event #5 Budget from {ApprovalSummary.Time(new DateTimeOffset(2026, 12, 8, 14, 0, 0, TimeSpan.Zero))} "
            + $"to {ApprovalSummary.Time(new DateTimeOffset(2026, 12, 9, 9, 30, 0, TimeSpan.Zero))} with 2 other attendees");

        var berlin = Texts(ApprovalCards.Pending(request, "Mia Member", Berlin));
        var utc = Texts(ApprovalCards.Pending(request, "Mia Member"));

        Assert.Contains("Move event #5 Budget from 2026-12-08 15:00 Europe/Berlin to 2026-12-09 10:30 Europe/Berlin with 2 other attendees", berlin, StringComparison.Ordinal);
        Assert.Contains("2026-12-08 15:00 Europe/Berlin", berlin, StringComparison.Ordinal); // Expires
        Assert.DoesNotContain("UTC", berlin, StringComparison.Ordinal);
        Assert.Contains("from 2026-12-08 14:00 UTC to 2026-12-09 09:30 UTC", utc, StringComparison.Ordinal);
    }

    [Fact]
    public void ASummaryWithoutTimesIsLeftAsWritten()
    {
        const string summary = "Delete ticket #12 (Meeting at 2026-12-08 14:00 in room UTC-1)";

        Assert.Equal(summary, ApprovalSummary.ForReader(summary, Berlin));
    }

    [Fact]
    public void AnSlaWarningGivesTheDueTimeOnTheReadersClock()
    {
        var warning = SlaCrossing.Find(SlaTargets.Resolution, new DateTimeOffset(2026, 12, 8, 12, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2026, 12, 8, 14, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 8, 12, 30, 0, TimeSpan.Zero)).Single();

        Assert.EndsWith("it is due by Tue 8 Dec 15:00 Europe/Berlin.", warning.Message(3, "Printer jammed", Berlin), StringComparison.Ordinal);
        Assert.EndsWith("it is due by Tue 8 Dec 14:00 UTC.", warning.Message(3, "Printer jammed", null), StringComparison.Ordinal);
    }

    /// <summary>Every string in the card or blocks, as a reader would see them (JSON escapes aside).</summary>
    private static string Texts(JsonNode? node) => string.Join("\n", Strings(node));

    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject obj => obj.SelectMany(p => Strings(p.Value)),
        JsonArray array => array.SelectMany(Strings),
        JsonValue value when value.TryGetValue<string>(out var text) => [text],
        _ => [],
    };
}
