using System.Globalization;

namespace OperatorOne.Benchmarks;

/// <summary>
/// Options shared by the benchmarks. Without --connection an embedded PostgreSQL runs on .data/bench;
/// --connection is the schema owner's (migrations, bulk load) and --runtime-connection the row-level-security-bound
/// login the bot uses, so the measured queries pay for the same policies.
/// </summary>
internal sealed record BenchmarkArguments
{
    public int Count { get; init; } = 100_000;
    public int Queries { get; init; } = 250;
    public string? Connection { get; init; }
    public string? RuntimeConnection { get; init; }
    public string DataDirectory { get; init; } = Path.Combine(".data", "bench");

    /// <summary>Leave the organization and its documents in place afterwards, to EXPLAIN queries against them.</summary>
    public bool Keep { get; init; }

    /// <summary>The turn benchmark's size: "full" (the README's table) or "tiny" (a few seconds, to prove it works).</summary>
    public string Size { get; init; } = "full";

    /// <summary>Turns of the turn benchmark's long run (memory flatness); none unless given.</summary>
    public int? LongRunTurns { get; init; }

    /// <summary>The turn benchmark's channels (teams, webchat, slack, phone); all unless given, for a shorter run.</summary>
    public IReadOnlyList<string>? Channels { get; init; }

    /// <summary>Where the turn benchmark also writes its results as JSON.</summary>
    public string? JsonOutput { get; init; }

    /// <summary>The nlu benchmark's sentence-model scoring (the shipped one unless given), to compare its cost.</summary>
    public string? Scoring { get; init; }

    public static BenchmarkArguments Parse(string[] args)
    {
        var parsed = new BenchmarkArguments();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--keep")
            {
                parsed = parsed with { Keep = true };
                continue;
            }
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value.");
            parsed = args[i] switch
            {
                "--count" => parsed with { Count = Positive(args[i], value) },
                "--queries" => parsed with { Queries = Positive(args[i], value) },
                "--connection" => parsed with { Connection = value },
                "--runtime-connection" => parsed with { RuntimeConnection = value },
                "--data" => parsed with { DataDirectory = value },
                "--size" => parsed with { Size = value is "tiny" or "full" ? value : throw new ArgumentException("--size must be tiny or full.") },
                "--turns" => parsed with { LongRunTurns = Positive(args[i], value) },
                "--json" => parsed with { JsonOutput = value },
                "--scoring" => parsed with { Scoring = value },
                "--channels" => parsed with { Channels = ChannelList(value) },
                _ => throw new ArgumentException($"Unknown option {args[i]}."),
            };
            i++;
        }
        return parsed;
    }

    private static readonly string[] KnownChannels = ["teams", "webchat", "slack", "phone"];

    private static string[] ChannelList(string value)
    {
        var channels = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return channels.Length > 0 && channels.All(KnownChannels.Contains)
            ? channels
            : throw new ArgumentException($"--channels takes a comma-separated list of {string.Join(", ", KnownChannels)}.");
    }

    private static int Positive(string name, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0
            ? number
            : throw new ArgumentException($"{name} must be a positive whole number.");
}
