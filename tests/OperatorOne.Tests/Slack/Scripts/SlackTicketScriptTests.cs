namespace OperatorOne.Tests.Slack.Scripts;

[Collection(SlackCollection.Name)]
public sealed class SlackTicketScriptTests(SlackFixture fixture)
{
    [Fact]
    public async Task TheTicketScriptPassesOnSlack()
    {
        using var workspace = await SlackWorkspace.CreateAsync(fixture);
        await TicketScript.RunAsync(new SlackChatScript(fixture, workspace));
    }
}
