using System.Text.Json.Nodes;
using OperatorOne.Data.Tickets;
using OperatorOne.Skills.Tickets;

namespace OperatorOne.Tests.Tickets;

/// <summary>A ticket card shows its times on the reader's clock, as every other card does.</summary>
public sealed class TicketCardTimeTests
{
    [Fact]
    public void TheCardShowsWhenTheTicketWasOpenedAndCommentedInTheReadersZone()
    {
        var opened = new DateTimeOffset(2026, 12, 7, 14, 0, 0, TimeSpan.Zero);
        var ticket = new Ticket { Number = 12, Title = "Printer jammed", Description = "", CreatedAt = opened };
        var view = new TicketView(ticket, "Mia Member", null, [new CommentView("Ada Admin", "On it", false, opened.AddHours(2))]);

        // The texts as a reader sees them (the serialized card escapes the "·").
        var card = string.Join("\n", Strings(TicketCards.Ticket(view, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"))));

        Assert.Contains("2026-12-07 15:00 Europe/Berlin", card, StringComparison.Ordinal);
        Assert.Contains("Ada Admin · comment · 2026-12-07 17:00 Europe/Berlin", card, StringComparison.Ordinal);
        Assert.DoesNotContain("UTC", card, StringComparison.Ordinal);
    }

    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject obj => obj.SelectMany(p => Strings(p.Value)),
        JsonArray array => array.SelectMany(Strings),
        JsonValue value when value.TryGetValue<string>(out var text) => [text],
        _ => [],
    };
}
