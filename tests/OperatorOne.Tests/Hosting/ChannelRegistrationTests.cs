using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OperatorOne.Bot.Core.Channels;
using OperatorOne.Bot.Core.Hosting;
using OperatorOne.Bot.Core.Turns;
using OperatorOne.Bot.Core.Work;
using OperatorOne.Channels.Email;
using OperatorOne.Channels.Slack;
using OperatorOne.Channels.Teams;
using OperatorOne.Channels.Voice;
using OperatorOne.Channels.WebChat;

namespace OperatorOne.Tests.Hosting;

/// <summary>
/// What each channel registers, read from the service collection the bot's own Add methods build: background work
/// runs only as hosted services, work queues and periodic jobs, so a channel without its settings, none of which it
/// registers, polls nothing. With its settings, its work is there.
/// </summary>
public sealed class ChannelRegistrationTests
{
    private static IServiceCollection Services(params (string Key, string Value)[] settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        foreach (var (key, value) in settings)
        {
            builder.Configuration[key] = value;
        }
        builder.AddBotCore();
        builder.AddWebChatChannel();
        builder.AddTeamsChannel();
        builder.AddSlackChannel();
        builder.AddVoiceChannel();
        builder.AddEmailChannel();
        return builder.Services;
    }

    private static List<string> Implementations<T>(IServiceCollection services) =>
        [.. services.Where(d => d.ServiceType == typeof(T))
            .Select(d => d.ImplementationType?.Name ?? d.ImplementationFactory?.Method.ReturnType.Name ?? d.ImplementationInstance?.GetType().Name ?? "?")
            .Order()];

    [Fact]
    public void UnconfiguredChannelsRegisterNoBackgroundWorkNoQueueNoJobAndNoSender()
    {
        var services = Services();

        // The core's one work loop and the always-on web chat's LISTEN connection: nothing of Teams, Slack, the phone or email.
        Assert.Equal(["DirectLineListener", "SemanticWarmup", "WorkLoop"], Implementations<IHostedService>(services));
        Assert.Equal(3, services.Count(d => d.ServiceType == typeof(IWorkQueue)));
        Assert.Equal(["ApprovalExpiry", "TurnPurge"], Implementations<IPeriodicJob>(services));
        var senders = Implementations<IChannelSender>(services);
        Assert.DoesNotContain("SlackSender", senders);
        Assert.DoesNotContain("TeamsSender", senders);
        Assert.DoesNotContain("EmailSender", senders);
        Assert.Empty(Implementations<ITurnPreparation>(services));
        Assert.Empty(Implementations<IProactiveConversations>(services));
        Assert.DoesNotContain(Implementations<ITurnStep>(services), step => step.StartsWith("Mail", StringComparison.Ordinal));
    }

    [Fact]
    public void ConfiguredChannelsRegisterTheirWork()
    {
        var services = Services(
            ("Slack:SigningSecret", "slack-signing-secret"),
            ("Slack:BotToken", "xoxb-1-2-3"),
            ("Teams:AppId", "00000000-0000-0000-0000-000000000001"),
            ("Email:Smtp:Host", "127.0.0.1"));

        Assert.Equal(["DirectLineListener", "EmailIntakeWorker", "EmailSingleMailbox", "SemanticWarmup", "SlackStartupCheck", "WorkLoop"],
            Implementations<IHostedService>(services));
        var senders = Implementations<IChannelSender>(services);
        Assert.Contains("SlackSender", senders);
        Assert.Contains("TeamsSender", senders);
        Assert.Contains("EmailSender", senders);
        Assert.Contains("SlackPreparation", Implementations<ITurnPreparation>(services));
        Assert.Equal(["SlackProactiveConversations", "TeamsProactiveConversations"], Implementations<IProactiveConversations>(services));
        // Channels bring no queue of their own: their work goes through the core's one loop.
        Assert.Equal(3, services.Count(d => d.ServiceType == typeof(IWorkQueue)));
    }
}
