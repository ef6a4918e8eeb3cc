using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Data.Members;

namespace OperatorOne.Tests.Slack;

/// <summary>A tool that takes longer than Slack's 3 s, registered only in the Slack test host, to drive the slow /op1 path.</summary>
internal static class SlowReportTool
{
    public static readonly TimeSpan Duration = TimeSpan.FromSeconds(4);

    public static ToolDefinition Definition { get; } = new()
    {
        Name = "slow_report",
        Description = "Build a report that takes a while",
        Tier = ToolTier.ReadOnly,
        MinimumRole = MemberRole.Viewer,
        Handler = RunAsync,
        Utterances = [Utterance.Of("(build )?(the )?slow report")],
        HelpExample = "slow report",
    };

    public static async Task<ToolResult> RunAsync(ToolContext context, CancellationToken cancellationToken = default)
    {
        await Task.Delay(Duration, cancellationToken);
        return new ToolResult("The slow report is ready: 42 widgets.");
    }
}
