using System.Net;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.Hosting;

[Collection(BotCollection.Name)]
public sealed class HealthTests(BotHost host)
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task AMigratedBotIsLiveAndReady(string path)
    {
        using var http = host.CreateClient();

        var response = await http.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }
}
