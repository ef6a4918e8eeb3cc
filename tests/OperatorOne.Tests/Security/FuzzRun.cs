using CsCheck;

namespace OperatorOne.Tests.Security;

/// <summary>
/// One fuzz run: CsCheck picks an endpoint and one to three edits per case from a fixed seed (FUZZ_SEED overrides it);
/// a failing case is shrunk and printed with the seed that reproduces it. The fixed seed fixes the edits, not the bodies:
/// they carry fresh ids, so positions shift from run to run.
/// </summary>
internal static class FuzzRun
{
    public static readonly string Seed = Environment.GetEnvironmentVariable("FUZZ_SEED") ?? new PCG(17, 20261205).ToString();

    public static async Task SampleAsync(ITestOutputHelper output, FuzzTarget? target, int endpoints, long cases, Func<int, Mutation[], Task> check)
    {
        await Gen.Select(Gen.Int[0, endpoints - 1], Mutation.Some).SampleAsync(check,
            writeLine: output.WriteLine, seed: Seed, iter: cases, threads: 1,
            print: c => $"endpoint {c.Item1}, edits {string.Join("; ", c.Item2.Select(m => m.ToString()))} (seed {Seed})");
        if (target is not null)
        {
            output.WriteLine($"{cases} cases, seed {Seed}: " + string.Join(", ", target.Statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}")));
            foreach (var (reason, count) in target.Refusals)
            {
                output.WriteLine($"  {count}× {reason}");
            }
            // Mutations that keep a request valid must get through the credential check and reach the handler; all-refused would test nothing.
            Assert.Contains(target.Statuses.Keys, status => status < 300);
            Assert.Contains(target.Statuses.Keys, status => status is >= 400 and < 500);
        }
    }
}
