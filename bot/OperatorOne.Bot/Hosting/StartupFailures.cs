using Microsoft.Extensions.Options;
using OperatorOne.Data.Embedded;

namespace OperatorOne.Bot.Hosting;

/// <summary>
/// A start that fails (an invalid setting, a read-only or full disk, a database that refuses) ends the process with one
/// line on stderr naming the cause and exit code 1, after stopping the embedded PostgreSQL it may already have started.
/// </summary>
internal static class StartupFailures
{
    public const int ExitCode = 1;

    public static async Task<int> GuardAsync(WebApplicationBuilder builder, Func<Task<int>> run)
    {
        try
        {
            return await run();
        }
        catch (Exception e) when (e is not HostAbortedException)
        {
            await Console.Error.WriteLineAsync($"OperatorOne did not start: {Describe(e)}");
            foreach (var server in builder.Services.Select(d => d.IsKeyedService ? null : d.ImplementationInstance).OfType<EmbeddedPostgres>())
            {
                await server.DisposeAsync();
            }
            return ExitCode;
        }
    }

    /// <summary>The cause in one line: the innermost message that says something, validation failures joined.</summary>
    internal static string Describe(Exception e) => e switch
    {
        OptionsValidationException options => string.Join(" ", options.Failures),
        AggregateException { InnerExceptions: [var only] } => Describe(only),
        TypeInitializationException { InnerException: { } inner } => Describe(inner),
        System.Reflection.TargetInvocationException { InnerException: { } inner } => Describe(inner),
        _ => OneLine(e.Message),
    };

    private static string OneLine(string message) =>
        string.Join(" ", message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
