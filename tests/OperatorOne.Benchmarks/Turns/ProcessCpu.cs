using System.Diagnostics;
using System.Globalization;

namespace OperatorOne.Benchmarks.Turns;

/// <summary>CPU seconds used so far by the bot, by PostgreSQL (the postmaster and its backends) and by this process.</summary>
internal sealed record CpuReading(double Bot, double? Database, double Load);

/// <summary>
/// Reads CPU time as the kernel counts it (/proc/&lt;pid&gt;/stat utime + stime), so a step's cost per turn can be
/// told apart by process: on two shared cores, CPU per turn is what bounds turns per second, whatever else runs.
/// </summary>
internal sealed class ProcessCpu(int botProcessId, string? postgresDataDirectory)
{
    private const double TicksPerSecond = 100; // USER_HZ on Linux

    public CpuReading Read()
    {
        using var self = Process.GetCurrentProcess();
        return new(Seconds(botProcessId, children: false), DatabaseSeconds(), self.TotalProcessorTime.TotalSeconds);
    }

    private double? DatabaseSeconds()
    {
        var pidFile = postgresDataDirectory is null ? null : Path.Combine(postgresDataDirectory, "postmaster.pid");
        if (pidFile is null || !File.Exists(pidFile)
            || !int.TryParse(File.ReadLines(pidFile).First(), NumberStyles.None, CultureInfo.InvariantCulture, out var postmaster))
        {
            return null;
        }
        // The postmaster's own time with that of its exited children, plus each live backend's.
        var total = Seconds(postmaster, children: true);
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                && Fields(pid) is { } fields && fields[1] == postmaster.ToString(CultureInfo.InvariantCulture))
            {
                total += Ticks(fields, 11) + Ticks(fields, 12);
            }
        }
        return total;
    }

    private static double Seconds(int pid, bool children) =>
        Fields(pid) is { } fields
            ? Ticks(fields, 11) + Ticks(fields, 12) + (children ? Ticks(fields, 13) + Ticks(fields, 14) : 0)
            : 0;

    // Fields after the command name, which may hold spaces: [0] state, [1] ppid, [11] utime, [12] stime, [13] cutime, [14] cstime.
    private static string[]? Fields(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException)
        {
            return null; // the process ended meanwhile
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static double Ticks(string[] fields, int index) =>
        long.Parse(fields[index], NumberStyles.None, CultureInfo.InvariantCulture) / TicksPerSecond;
}

/// <summary>Milliseconds of CPU per turn over a stretch of turns: the bot's, PostgreSQL's (null when not ours) and the generator's with the stand-ins.</summary>
internal sealed record TurnCpu(double Bot, double? Database, double Load)
{
    public static TurnCpu Between(CpuReading before, CpuReading after, long turns)
    {
        var perTurn = 1000.0 / Math.Max(1, turns);
        return new TurnCpu((after.Bot - before.Bot) * perTurn, (after.Database - before.Database) * perTurn, (after.Load - before.Load) * perTurn);
    }
}
