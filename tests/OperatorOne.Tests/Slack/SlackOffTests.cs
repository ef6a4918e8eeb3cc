using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OperatorOne.Channels.Slack;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.Slack;

/// <summary>
/// Without Slack settings the channel is off and its endpoints do not exist: a bare host with only the Slack channel,
/// built under the same gate as BotHost so it never starts while a WebApplicationFactory is intercepting host builds.
/// </summary>
[Collection(SlackCollection.Name)]
public sealed class SlackOffTests
{
    [Theory]
    [InlineData("/api/slack/events")]
    [InlineData("/api/slack/interactions")]
    [InlineData("/api/slack/commands")]
    [InlineData("/api/slack/install")]
    public async Task WithoutSettingsTheSlackEndpointsAnswer404(string path)
    {
        await using var app = await StartAsync();
        using var http = app.GetTestClient();

        var response = await http.PostAsync(path, new StringContent("{}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static async Task<WebApplication> StartAsync()
    {
        await BotHost.HostBuildGate.WaitAsync();
        try
        {
            var builder = WebApplication.CreateBuilder();
            builder.WebHost.UseTestServer();
            builder.AddSlackChannel();
            builder.Services.AddSingleton(new OperatorOne.Bot.Core.Security.SecretBox(Convert.FromBase64String(TestSecrets.MasterKey)));
            var app = builder.Build();
            app.MapSlackChannel();
            await app.StartAsync();
            return app;
        }
        finally
        {
            BotHost.HostBuildGate.Release();
        }
    }
}
