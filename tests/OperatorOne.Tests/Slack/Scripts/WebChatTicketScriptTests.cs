using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.Slack.Scripts;

[Collection(BotCollection.Name)]
public sealed class WebChatTicketScriptTests(BotHost host)
{
    [Fact]
    public async Task TheTicketScriptPassesOnTheWebChat() =>
        await TicketScript.RunAsync(new WebChatScript(host, await TestOrganization.CreateAsync(host)));
}
