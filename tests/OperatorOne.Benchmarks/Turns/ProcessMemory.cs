using System.Globalization;

namespace OperatorOne.Benchmarks.Turns;

/// <summary>A process's resident memory as the kernel reports it (VmRSS in /proc/&lt;pid&gt;/status).</summary>
internal static class ProcessMemory
{
    public static double ResidentMegabytes(int processId)
    {
        var line = File.ReadLines($"/proc/{processId}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return line is null
            ? double.NaN
            : long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024.0;
    }
}
