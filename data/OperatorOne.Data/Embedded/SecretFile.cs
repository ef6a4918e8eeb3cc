namespace OperatorOne.Data.Embedded;

/// <summary>Files holding secrets (the Development master key, the embedded server's passwords): readable by their owner only.</summary>
public static class SecretFile
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Creates the file with mode 0600 from the start (never briefly world-readable) in a folder only its owner enters.</summary>
    public static void Write(string path, string text)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(folder);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnly;
        }
        using var writer = new StreamWriter(path, options);
        writer.Write(text);
    }

    /// <summary>The secret in the file, after taking away any access beyond its owner's (a file written by an older version).</summary>
    public static string Read(string path)
    {
        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & ~OwnerOnly) != 0)
        {
            File.SetUnixFileMode(path, OwnerOnly);
        }
        return File.ReadAllText(path).Trim();
    }

    /// <summary>A folder of secret files: only its owner may list or enter it.</summary>
    public static void RestrictFolder(string folder)
    {
        Directory.CreateDirectory(folder);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }
}
