using System.Net;
using System.Text;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.Slack;

/// <summary>The shared bot has no Slack settings: the channel is off and its endpoints do not exist.</summary>
[Collection(BotCollection.Name)]
public sealed class SlackOffTests(BotHost host)
{
    [Theory]
    [InlineData("/api/slack/events")]
    [InlineData("/api/slack/interactions")]
    [InlineData("/api/slack/commands")]
    public async Task WithoutSettingsTheSlackEndpointsAnswer404(string path)
    {
        using var http = host.CreateClient();

        var response = await http.PostAsync(path, new StringContent("{}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task WithoutSettingsThereIsNoInstallPage()
    {
        using var http = host.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/api/slack/install")).StatusCode);
    }
}
