using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.Teams;

/// <summary>The same ticket conversation, run on the web chat and on Teams.</summary>
[Collection(BotCollection.Name)]
public sealed class WebChatTicketScriptTests(BotHost host)
{
    [Fact]
    public async Task TheTicketScriptPassesOnTheWebChat()
    {
        var organization = await TestOrganization.CreateAsync(host);

        await TicketScript.RunAsync(handle => WebChatScript.JoinAsync(host, organization, handle), host, organization.Id);
    }
}

[Collection(TeamsCollection.Name)]
public sealed class TeamsTicketScriptTests(TeamsBotHost host)
{
    [Fact]
    public async Task TheTicketScriptPassesOnTeams()
    {
        var tenant = await TeamsTenant.CreateAsync(host.Bot);

        await TicketScript.RunAsync(handle => TeamsScript.JoinAsync(host, tenant, handle), host.Bot, tenant.Organization.Id);
    }
}
