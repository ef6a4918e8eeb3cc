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
using OperatorOne.Bot.Core.Work;

namespace OperatorOne.Bot.Core.Hosting;

public static class BotCoreHosting
{
    /// <summary>The turn pipeline, tools, approvals, outbox and the built-in recognizer.</summary>
    public static IHostApplicationBuilder AddBotCore(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<RateLimitOptions>().Bind(builder.Configuration.GetSection(RateLimitOptions.Section)).ValidateOnStart();
        services.AddOptions<WorkOptions>().Bind(builder.Configuration.GetSection(WorkOptions.Section))
            .Validate(o => o.HeartbeatSeconds > 0 && o.ReplicaTimeoutSeconds > o.HeartbeatSeconds && o.MaxHoldSeconds > 0 && o.PollMilliseconds > 0,
                "Work: HeartbeatSeconds, ReplicaTimeoutSeconds (> HeartbeatSeconds), MaxHoldSeconds and PollMilliseconds must be positive.")
            .ValidateOnStart();
        services.AddOptions<OnboardingOptions>().Bind(builder.Configuration.GetSection(OnboardingOptions.Section))
            .Validate(OnboardingOptions.IsValid, OnboardingOptions.Invalid).ValidateOnStart();
        services.AddSingleton<InvitationLinks>();
        services.AddSingleton<ChannelChecks>();
        services.AddMetrics();
        services.AddSingleton<Backlog>();
        services.AddSingleton<BotMetrics>();
        services.AddSingleton<InFlightTurns>();

        // The turn: one entry for every channel, one transaction, replies out through the outbox.
        services.AddSingleton<TurnLoop>();
        services.AddOptions<TurnOptions>().Bind(builder.Configuration.GetSection(TurnOptions.Section))
            .Validate(o => o.MaxRunning >= 0, "Turns: MaxRunning must be 0 (derived from the connection pool) or positive.")
            .Validate(o => o.MaxWorking >= 0, "Turns: MaxWorking must be 0 (derived from the cores) or positive.").ValidateOnStart();
        services.AddSingleton<TurnAdmission>(TurnAdmission.Create);
        services.AddScoped<TurnPipeline>();
        services.AddScoped<TurnRouter>();
        services.AddScoped<TurnReplies>();
        services.AddSingleton<AcceptedTurns>();

        // Background work: one claim/heartbeat/backoff loop over every queue.
        services.AddSingleton<ReplicaId>();
        services.AddSingleton<WorkSignal>();
        services.AddSingleton<HaltPoints>();
        services.AddSingleton<IWorkQueue>(services => services.GetRequiredService<AcceptedTurns>());
        services.AddSingleton<IWorkQueue, OutboxQueue>();
        services.AddSingleton<IWorkQueue, PeriodicJobs>();
        services.AddSingleton<IPeriodicJob, ApprovalExpiry>();
        services.AddSingleton<IPeriodicJob, TurnPurge>();
        services.AddHostedService<WorkLoop>();

        services.AddSingleton(HelpTool.Definition);
        services.AddSingleton<ToolRegistry>();
        services.AddSingleton<AuditLog>();
        services.AddSingleton<OutboxWriter>();
        services.AddScoped<OutboxDeliveries>();
        services.AddSingleton<ApprovalRequests>();
        services.AddSingleton<RateLimits>();
        services.AddScoped<ToolExecutor>();
        services.AddScoped<ApprovalDecisions>();
        services.TryAddScoped<IRecognizer, BuiltInRecognizer>();
        services.AddScoped<BuiltInRecognizer>();
        services.AddSingleton<SemanticIntents>();
        services.AddOptions<UnderstandingThresholds>().Bind(builder.Configuration.GetSection(UnderstandingThresholds.Section));
        services.AddHostedService<SemanticWarmup>();
        services.AddScoped<OutboxDelivery>();
        return builder;
    }
}
