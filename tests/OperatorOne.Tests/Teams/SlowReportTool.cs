using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Data.Members;

namespace OperatorOne.Tests.Teams;

/// <summary>A tool of the tests' own that takes longer than the Teams turn budget, as an LLM turn will.</summary>
internal static class SlowReportTool
{
    public static TimeSpan Duration { get; } = TimeSpan.FromSeconds(7);

    public static ToolDefinition Definition { get; } = new()
    {
        Name = "slow_report",
        Description = "Build the slow report",
        Tier = ToolTier.ReadOnly,
        MinimumRole = MemberRole.Viewer,
        Handler = RunAsync,
        Utterances = [Utterance.Of(@"run the slow report")],
        HelpExample = "run the slow report",
    };

    private static async Task<ToolResult> RunAsync(ToolContext context, CancellationToken cancellationToken = default)
    {
        await Task.Delay(Duration, cancellationToken);
        return new ToolResult("The slow report is ready.");
    }
}
