using OperatorOne.Benchmarks;
using OperatorOne.Benchmarks.Documents;
using OperatorOne.Benchmarks.Nlu;
using OperatorOne.Benchmarks.Turns;

// Benchmarks run on demand (`dotnet run -c Release --project tests/OperatorOne.Benchmarks -- <name> [options]`),
// never as part of the test suite: their numbers depend on the machine, so they report rather than assert.
const string usage = "usage: nlu [--queries 2000] [--scoring Blend] | documents [--count 100000] [--queries 250] [--data .data/bench] [--keep] [--connection OWNER-CS [--runtime-connection RUNTIME-CS]]"
    + " | turns [--size tiny|full] [--channels teams,webchat,slack,phone] [--turns 100000] [--json results.json] [--data .data/bench]";
BenchmarkArguments arguments;
try
{
    arguments = BenchmarkArguments.Parse(args.Length > 0 ? args[1..] : []);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine($"{e.Message}\n{usage}");
    return 2;
}
switch (args.FirstOrDefault())
{
    case "nlu":
        return NluBenchmark.Run(args.Contains("--queries") ? arguments : arguments with { Queries = 2000 }, Console.Out);
    case "documents":
        return await DocumentsBenchmark.RunAsync(arguments, Console.Out, CancellationToken.None);
    case "turns":
        return await TurnBenchmark.RunAsync(arguments, Console.Out, CancellationToken.None);
    default:
        Console.Error.WriteLine(usage);
        return 2;
}
