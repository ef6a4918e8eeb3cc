using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace OperatorOne.Channels.Slack;

/// <summary>Connects the configured single workspace, then calls auth.test with the configured bot token once the bot is up, so a wrong or revoked token shows in the log at start.</summary>
internal sealed class SlackStartupCheck(SlackApi api, SlackSingleWorkspace singleWorkspace, IOptions<SlackOptions> options, ILogger<SlackStartupCheck> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.IsEnabled || string.IsNullOrWhiteSpace(settings.BotToken))
        {
            return;
        }
        await singleWorkspace.EnsureInstalledAsync(stoppingToken);
        var result = await api.AuthTestAsync(settings.BotToken, stoppingToken);
        if (!result.Ok)
        {
            logger.LogError("Slack:BotToken failed auth.test ({Error}); Slack replies will not be delivered until it is fixed", result.Error);
            return;
        }
        var team = result.String("team_id");
        if (!string.IsNullOrWhiteSpace(settings.TeamId) && team != settings.TeamId)
        {
            logger.LogError("Slack:BotToken belongs to workspace {Actual}, not Slack:TeamId {Configured}", team, settings.TeamId);
            return;
        }
        logger.LogInformation("Slack bot {BotUser} ready in workspace {Team}", result.String("user_id"), team);
    }
}
