using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using OperatorOne.Data.Conversations;
using OperatorOne.Data.Recognition;
using OperatorOne.Tests.Nlu;

namespace OperatorOne.Tests.Voice;

/// <summary>
/// On the phone an unclear sentence is answered with the likeliest actions as numbered choices, and a key or an ordinal
/// picks one, end to end through Twilio's webhooks (on the recognition fixture's bot, whose model only ever offers).
/// </summary>
[Collection(NluCollection.Name)]
public sealed partial class VoiceUnsureChoiceTests(NluFixture fixture)
{
    private const string Unclear = "My monitor flickers badly.";

    private static readonly string[] Ordinals = ["the first one", "the second one", "the third one"];

    /// <summary>The offered choices as heard: spoken title → key.</summary>
    private static Dictionary<string, string> Offered(string spoken) =>
        ChoiceKey().Matches(spoken).ToDictionary(m => m.Groups["title"].Value, m => m.Groups["key"].Value);

    private static string TicketKey(string spoken)
    {
        Assert.Contains("not sure", spoken, StringComparison.Ordinal);
        var offered = Offered(spoken);
        Assert.InRange(offered.Count, 2, 3);
        return Assert.Single(offered, c => c.Key.StartsWith("open a support ticket", StringComparison.Ordinal)).Value;
    }

    [Fact]
    public async Task AnUnclearSentenceIsReadOutAsNumberedChoicesAndAKeyRunsTheChosenAction()
    {
        using var call = await PhoneCall.CreateAsync(fixture.Host);
        await call.IncomingAsync();

        var key = TicketKey(PhoneCall.Spoken(await call.AnswerAsync(speech: Unclear)));
        var opened = PhoneCall.Spoken(await call.AnswerAsync(digits: key));

        var ticket = await fixture.Host.InOrganizationAsync(call.Organization.Id, db => db.Tickets.SingleAsync());
        Assert.Contains("monitor flickers badly", ticket.Title, StringComparison.OrdinalIgnoreCase);
        Assert.Contains($"number {ticket.Number}", opened, StringComparison.Ordinal);
        var miss = await fixture.Host.InOrganizationAsync(call.Organization.Id, db => db.RecognitionMisses.SingleAsync());
        Assert.Equal(RecognitionMissKind.Unsure, miss.Kind);
        Assert.Equal("voice", miss.Channel);
        Assert.Equal("create_ticket", miss.ChosenTool);
        // The key submitted the card's choice itself (its title in the transcript, its data as the value), not the text "1".
        var said = await fixture.Host.InOrganizationAsync(call.Organization.Id, db => db.TranscriptMessages
            .Where(m => m.Direction == MessageDirection.Inbound
                && db.Conversations.Any(c => c.Id == m.ConversationId && c.Channel == "voice" && c.ExternalId == call.CallSid))
            .OrderBy(m => m.Id).Select(m => m.Text).ToListAsync());
        Assert.StartsWith("open a support ticket", said[^1], StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task SayingAChoicesOrdinalPicksItToo()
    {
        using var call = await PhoneCall.CreateAsync(fixture.Host);
        await call.IncomingAsync();

        var key = TicketKey(PhoneCall.Spoken(await call.AnswerAsync(speech: Unclear)));
        var opened = PhoneCall.Spoken(await call.AnswerAsync(speech: Ordinals[int.Parse(key, System.Globalization.CultureInfo.InvariantCulture) - 1]));

        var ticket = await fixture.Host.InOrganizationAsync(call.Organization.Id, db => db.Tickets.SingleAsync());
        Assert.Contains($"number {ticket.Number}", opened, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"Say (?<title>.+?) or press (?<key>\d)\.", RegexOptions.CultureInvariant)]
    private static partial Regex ChoiceKey();
}
