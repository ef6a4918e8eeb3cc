using OperatorOne.Tests.Infrastructure;
using OperatorOne.Tests.Slack;
using OperatorOne.Tests.Teams;

namespace OperatorOne.Tests.Scripts;

[Collection(BotCollection.Name)]
public sealed class WebChatTicketScriptTests(BotHost host)
{
    [Fact]
    public async Task TheTicketScriptPassesOnTheWebChat() =>
        await TicketScript.RunAsync(new WebChatScript(host, await TestOrganization.CreateAsync(host)));
}

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

[Collection(TeamsCollection.Name)]
public sealed class TeamsTicketScriptTests(TeamsBotHost host)
{
    [Fact]
    public async Task TheTicketScriptPassesOnTeams() =>
        await TicketScript.RunAsync(new TeamsChatScript(host, await TeamsTenant.CreateAsync(host.Bot)));
}
