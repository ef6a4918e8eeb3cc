using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Data.Members;

namespace OperatorOne.Tests.Resilience;

/// <summary>A tool of the shutdown test's own that holds its turn open until the test lets it go.</summary>
internal sealed class HeldTool
{
    public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ToolDefinition Definition => new()
    {
        Name = "held_report",
        Description = "Build the held report",
        Tier = ToolTier.SafeWrite,
        MinimumRole = MemberRole.Viewer,
        Handler = RunAsync,
        Utterances = [Utterance.Of("build the held report")],
        HelpExample = "build the held report",
    };

    private async Task<ToolResult> RunAsync(CancellationToken cancellationToken = default)
    {
        Entered.TrySetResult();
        await Release.Task.WaitAsync(cancellationToken);
        return new ToolResult("The held report is ready.");
    }
}
