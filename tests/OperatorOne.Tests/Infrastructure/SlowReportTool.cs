using System.Collections.Concurrent;
using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Data.Members;

namespace OperatorOne.Tests.Infrastructure;

/// <summary>
/// A tool of the tests' own that outlasts any channel's turn budget, as an LLM turn will: it finishes only when the
/// test releases its organization's report, so "acknowledged before the answer" is shown by order, not by a clock.
/// </summary>
internal static class SlowReportTool
{
    private static readonly ConcurrentDictionary<Guid, TaskCompletionSource> Reports = new();

    public static ToolDefinition Definition { get; } = new()
    {
        Name = "slow_report",
        Description = "Build the slow report",
        Tier = ToolTier.ReadOnly,
        MinimumRole = MemberRole.Viewer,
        Handler = RunAsync,
        Utterances = [Utterance.Of("(run |build )?(the )?slow report")],
        HelpExample = "run the slow report",
    };

    /// <summary>Lets the organization's slow report finish (before or after it started).</summary>
    public static void Release(Guid organizationId) => Report(organizationId).TrySetResult();

    private static TaskCompletionSource Report(Guid organizationId) =>
        Reports.GetOrAdd(organizationId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    private static async Task<ToolResult> RunAsync(CurrentOrganization organization, CancellationToken cancellationToken = default)
    {
        await Report(organization.Id).Task.WaitAsync(cancellationToken);
        return new ToolResult("The slow report is ready: 42 widgets.");
    }
}
