using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace OperatorOne.Channels.Slack;

/// <summary>Calls auth.test with the configured bot token once the bot is up (a wrong or revoked token shows in the log at start), then connects the configured single workspace if the token is that workspace's.</summary>
internal sealed class SlackStartupCheck(SlackApi api, SlackSingleWorkspace singleWorkspace, IOptions<SlackOptions> options, ILogger<SlackStartupCheck> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.IsEnabled || string.IsNullOrWhiteSpace(settings.BotToken))
        {
            return;
        }
        var result = await api.AuthTestAsync(settings.BotToken, stoppingToken);
        if (!result.Ok)
        {
            logger.LogError("Slack:BotToken failed auth.test ({Error}); the configured workspace is not connected and Slack replies will not be delivered until it is fixed", result.Error);
            return;
        }
        var team = result.String("team_id");
        await singleWorkspace.EnsureInstalledAsync(team, stoppingToken);
        logger.LogInformation("Slack bot {BotUser} ready in workspace {Team}", result.String("user_id"), team);
    }
}
