using Microsoft.EntityFrameworkCore;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.Nlu;

/// <summary>
/// The deterministic patterns are tried before the sentence model, in the bot itself: on this bot the model never acts
/// (Recognition:Accept above any similarity) and offers choices instead, so a command answered at once, with no choices
/// and no miss recorded, was placed by its pattern before the model was asked.
/// </summary>
[Collection(NluCollection.Name)]
public sealed class PatternFirstTests(NluFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task CommandsAPatternExplainsRunAtOnceWithoutChoicesThoughTheModelIsLoaded()
    {
        var org = await TestOrganization.CreateAsync(fixture.Host);
        using var chat = await Chat.StartAsync(fixture.Host, org, "member");

        var opened = await chat.ExpectAnswerTo(await chat.Send("open a ticket: the printer on floor 3 is jammed"), Patience);
        var shown = await chat.ExpectAnswerTo(await chat.Send("show ticket 1"), Patience);

        Assert.Contains("Opened ticket #1", opened["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain("not sure", shown["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("printer on floor 3", shown.ToJsonString(), StringComparison.OrdinalIgnoreCase);
        var ticket = await fixture.Host.InOrganizationAsync(org.Id, db => db.Tickets.SingleAsync());
        Assert.Equal("the printer on floor 3 is jammed", ticket.Title, ignoreCase: true);
        Assert.Equal(0, await fixture.Host.InOrganizationAsync(org.Id, db => db.RecognitionMisses.CountAsync()));
    }
}
