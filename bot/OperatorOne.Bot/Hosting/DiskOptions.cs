namespace OperatorOne.Bot.Hosting;

/// <summary>The disk part of the "Hosting" section.</summary>
internal sealed class DiskOptions
{
    public const string Section = "Hosting";

    /// <summary>Below this much free space where the bot writes, start is refused and readiness fails.</summary>
    public long MinFreeDiskMegabytes { get; set; } = 100;
}
