using OperatorOne.Tests.Turns;

namespace OperatorOne.Tests.Voice;

/// <summary>
/// What a fast phone turn (a Gather answered within the call's budget, its answer in the TwiML) costs in SQL, like
/// <see cref="TurnCostTests"/> for web chat; pinned so a regression fails here. Before the turn the endpoint reads, each
/// statement on its own: the called number's organization, then the tenant and the call's guided-flow state (a step
/// Twilio repeats is answered from it). The call's recent answers are read only when the last answer offered choices
/// (the bot's own Gather URL says so), as a key may pick one. Then op_enter_turn (the rate limits, committed on its
/// own) and the turn's one transaction (3 statements for help).
/// </summary>
[Collection(VoiceCollection.Name)]
public sealed class PhoneTurnCostTests(VoiceFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task AFastPhoneTurnIsOneTransactionAfterTheEndpointsReadsAndTheRateLimitsOwnStatement()
    {
        using var call = await PhoneCall.CreateAsync(fixture);
        await call.IncomingAsync();
        // Warm-up: the caller's first spoken turn, so the measured one is an ordinary turn of an ongoing call.
        await call.AnswerAsync(speech: "help");
        using var recorder = new SqlRecorder();

        var cost = await recorder.MeasureAsync(async () => Assert.Contains("ticket", PhoneCall.Spoken(await call.AnswerAsync(speech: "help")),
            StringComparison.OrdinalIgnoreCase));

        output.WriteLine(cost.ToString());
        Assert.Equal(1, cost.Transactions);
        Assert.Equal(4, cost.Autocommits);
        Assert.Equal(7, cost.Commands.Count);
    }
}
