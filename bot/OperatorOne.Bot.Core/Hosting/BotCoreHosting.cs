using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using OperatorOne.Bot.Core.Approvals;
using OperatorOne.Bot.Core.Audit;
using OperatorOne.Bot.Core.Channels;
using OperatorOne.Bot.Core.Invitations;
using OperatorOne.Bot.Core.Outbox;
using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Bot.Core.Telemetry;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Bot.Core.Turns;

namespace OperatorOne.Bot.Core.Hosting;

public static class BotCoreHosting
{
    /// <summary>The turn pipeline, tools, approvals, outbox and the built-in recognizer.</summary>
    public static IHostApplicationBuilder AddBotCore(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<RateLimitOptions>().Bind(builder.Configuration.GetSection("Limits")).ValidateOnStart();
        services.AddOptions<OutboxOptions>().Bind(builder.Configuration.GetSection("Outbox"))
            .Validate(o => o.LeaseSeconds > 0, "Outbox:LeaseSeconds must be positive.").ValidateOnStart();
        services.AddOptions<OnboardingOptions>().Bind(builder.Configuration.GetSection(OnboardingOptions.Section))
            .Validate(OnboardingOptions.IsValid, OnboardingOptions.Invalid).ValidateOnStart();
        services.AddSingleton<InvitationLinks>();
        services.AddSingleton<ChannelChecks>();
        services.AddMetrics();
        services.AddSingleton<Backlog>();
        services.AddSingleton<BotMetrics>();
        services.AddSingleton<InFlightTurns>();
        services.AddSingleton<DetachedTurns>();

        services.AddSingleton(HelpTool.Definition);
        services.AddSingleton<ToolRegistry>();
        services.AddSingleton<AuditLog>();
        services.AddSingleton<OutboxWriter>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<ApprovalRequests>();
        services.AddSingleton<RateLimits>();
        services.AddScoped<ToolExecutor>();
        services.AddScoped<ApprovalDecisions>();
        services.AddScoped<TurnRouter>();
        services.AddScoped<TurnPipeline>();
        services.TryAddScoped<IRecognizer, BuiltInRecognizer>();
        services.AddScoped<BuiltInRecognizer>();
        services.AddSingleton<SemanticIntents>();
        services.AddOptions<UnderstandingThresholds>().Bind(builder.Configuration.GetSection("Recognition"));
        services.AddHostedService<SemanticWarmup>();
        services.AddScoped<OutboxDelivery>();

        services.AddHostedService<OutboxWorker>();
        services.AddHostedService<ApprovalExpiry>();
        return builder;
    }
}
