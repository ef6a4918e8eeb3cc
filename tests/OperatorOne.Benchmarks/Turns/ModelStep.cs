using System.Diagnostics;
using System.Globalization;
using OperatorOne.Tests.Resilience;

namespace OperatorOne.Benchmarks.Turns;

/// <summary>What the model step measured: members who asked at once, how many got a reply, and when the last one had it.</summary>
internal sealed record ModelStepResult(
    int Members, double ModelSeconds, int Posted, int Replied, int ModelRequests, double SlowestPostSeconds, double AllRepliedSeconds)
{
    public string Summary => string.Create(CultureInfo.InvariantCulture,
        $"model step: {Members} members of one company asked at once, the model answering each in {ModelSeconds:F1} s: {Replied} of {Members} replied, "
        + $"the last {AllRepliedSeconds:F2} s after the messages went out (slowest post answered in {SlowestPostSeconds:F2} s; {ModelRequests} model requests)");
}

/// <summary>
/// Turns that wait for a model, side by side: a company of <see cref="Members"/> members, each asking through web chat
/// at the same moment a question only the model answers, to a model that takes <see cref="ServicesStandIn.ModelDelay"/>
/// over every answer. With no queue in front of the model every member has their reply about one model delay after the
/// messages went out; turns that waited for each other would take a multiple of it. The bot is a second process with a
/// model configured (with one, every text goes to it), on the same database, so the other steps stay without one.
/// </summary>
internal static class ModelStep
{
    public const int Members = 20;
    private const string Question = "what should I do about the noisy fan in room 4?";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    public static async Task<ModelStepResult> RunAsync(string ownerConnection, string runtimeConnection, ServicesStandIn services,
        IReadOnlyDictionary<string, string> settings, TextWriter log, CancellationToken cancellationToken)
    {
        var members = await BenchmarkCompanies.CreateOneAsync(ownerConnection, Members, cancellationToken);
        var withModel = new Dictionary<string, string>(settings)
        {
            ["Llm__Provider"] = "OpenAI",
            ["Llm__BaseUrl"] = services.ModelBaseUrl,
            ["Llm__ApiKey"] = "sk-benchmark-stand-in",
            ["Llm__Model"] = "stand-in-model",
            ["Llm__TimeoutSeconds"] = "60",
        };
        await using var bot = BotProcess.Start(runtimeConnection, withModel);
        using var http = TurnBenchmark.Client(bot.BaseAddress);
        await bot.WaitUntilReadyAsync(http, Patience);
        var chat = new DirectLineTurns(members);
        await chat.PrepareAsync(http, cancellationToken);
        var requestsBefore = services.ModelRequests;

        var clock = Stopwatch.StartNew();
        var posts = await Task.WhenAll(Enumerable.Range(0, Members).Select(async _ =>
        {
            var taken = await chat.SendAsync(http, Question, cancellationToken);
            return (Taken: taken, At: clock.Elapsed);
        }));
        var slowest = posts.Max(p => p.At);
        // A post answered within the web chat's turn budget has its reply in the log already: then the slowest post is
        // when the last member had theirs. Otherwise the log is read until every reply is there.
        var missing = await chat.MissingRepliesAsync(http, cancellationToken);
        var allReplied = slowest;
        while (missing > 0 && clock.Elapsed < Patience)
        {
            await Task.Delay(50, cancellationToken);
            missing = await chat.MissingRepliesAsync(http, cancellationToken);
            allReplied = clock.Elapsed;
        }
        if (bot.HasExited)
        {
            throw new InvalidOperationException($"The bot with a model exited during the model step:\n{bot.Output}");
        }
        var result = new ModelStepResult(Members, services.ModelDelay.TotalSeconds, posts.Count(p => p.Taken), Members - (int)missing,
            services.ModelRequests - requestsBefore, slowest.TotalSeconds, allReplied.TotalSeconds);
        log.WriteLine(result.Summary);
        return result;
    }
}
