using System.Diagnostics;

namespace OperatorOne.Data.Embedded;

/// <summary>PostgreSQL will not run as root; as root we hand the folder to the "postgres" user and run through runuser.</summary>
internal sealed class RunAs(string? user)
{
    public static RunAs ForCurrentUser() => new(OperatingSystem.IsLinux() && Environment.UserName == "root" ? "postgres" : null);

    public ProcessStartInfo Wrap(string executable, IEnumerable<string> arguments)
    {
        var start = user is null ? new ProcessStartInfo(executable) : new ProcessStartInfo("runuser");
        if (user is not null)
        {
            foreach (var part in new[] { "-u", user, "--", executable })
            {
                start.ArgumentList.Add(part);
            }
        }
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.UseShellExecute = false;
        return start;
    }

    public void GiveOwnership(string path)
    {
        if (user is null || OperatingSystem.IsWindows())
        {
            return;
        }
        using var chown = Process.Start(new ProcessStartInfo("chown", ["-R", $"{user}:", path]) { UseShellExecute = false });
        chown?.WaitForExit();
        // The server user must be able to reach the folder through every parent.
        for (var dir = Path.GetDirectoryName(path); !string.IsNullOrEmpty(dir) && dir != "/"; dir = Path.GetDirectoryName(dir))
        {
            var mode = File.GetUnixFileMode(dir);
            if (!mode.HasFlag(UnixFileMode.OtherExecute))
            {
                File.SetUnixFileMode(dir, mode | UnixFileMode.OtherExecute);
            }
        }
    }
}
