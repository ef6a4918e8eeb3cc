namespace OperatorOne.Benchmarks.Turns;

/// <summary>How big a turn benchmark run is: the company it sets up and how long each load step lasts.</summary>
internal sealed record TurnPlan(
    int Organizations,
    int MembersPerOrganization,
    int[] PacedRates,
    int[] Concurrencies,
    TimeSpan StepLength,
    TimeSpan WarmUp,
    TimeSpan StatisticsSettle)
{
    /// <summary>Four companies of a hundred members, each member in all four channels: the README's table.</summary>
    public static TurnPlan Full { get; } = new(4, 100, [50, 100, 200], [1, 8, 32, 128],
        TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(11));

    /// <summary>A few seconds in all, only to prove every channel and turn kind goes through.</summary>
    public static TurnPlan Tiny { get; } = new(2, 2, [10], [1, 4],
        TimeSpan.FromSeconds(0.3), TimeSpan.FromSeconds(0.1), TimeSpan.Zero);

    public static TurnPlan For(string size) => size == "tiny" ? Tiny : Full;
}

/// <summary>The three kinds of turn measured: one that only reads, one that queries the tenant's data, one that writes.</summary>
internal sealed record TurnKind(string Name, Func<long, string> Text)
{
    public static IReadOnlyList<TurnKind> All { get; } =
    [
        new("help", _ => "help"),
        new("show my tickets", _ => "show my tickets"),
        new("open a ticket", n => $"open a ticket: printer {n} on the third floor is jammed"),
    ];
}
