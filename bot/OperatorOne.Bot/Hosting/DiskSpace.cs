namespace OperatorOne.Bot.Hosting;

/// <summary>Whether the folders the bot writes to (the embedded database, temporary request buffers) can still be written.</summary>
internal static class DiskSpace
{
    /// <summary>Null when <paramref name="folder"/> exists or can be made and a file can be written in it; otherwise why not.</summary>
    public static string? WriteProblem(string folder, string setting)
    {
        var probe = Path.Combine(folder, $".write-test-{Environment.ProcessId}");
        try
        {
            Directory.CreateDirectory(folder);
            File.WriteAllBytes(probe, [0]);
            File.Delete(probe);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"{setting} ({Path.GetFullPath(folder)}) cannot be written: {e.Message}";
        }
    }

    /// <summary>Null when the disk holding <paramref name="folder"/> has at least <paramref name="minimumMegabytes"/> free.</summary>
    public static string? FullProblem(string folder, long minimumMegabytes, string setting)
    {
        var free = FreeMegabytes(folder);
        return free < minimumMegabytes
            ? $"The disk holding {setting} ({Path.GetFullPath(folder)}) is full: {free} MB free, at least {minimumMegabytes} MB needed (Hosting:MinFreeDiskMegabytes)."
            : null;
    }

    public static long FreeMegabytes(string folder)
    {
        var existing = Path.GetFullPath(folder);
        while (!Directory.Exists(existing) && Path.GetDirectoryName(existing) is { } parent)
        {
            existing = parent;
        }
        return new DriveInfo(existing).AvailableFreeSpace / (1024 * 1024);
    }
}
