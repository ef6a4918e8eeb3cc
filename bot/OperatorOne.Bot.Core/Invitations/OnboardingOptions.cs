namespace OperatorOne.Bot.Core.Invitations;

/// <summary>The "Onboarding" section: where links the bot hands out point, and how long invitations last.</summary>
public sealed class OnboardingOptions
{
    public const string Section = "Onboarding";

    /// <summary>The bot's public address (https://bot.example.com); without it links are relative to the page that shows them.</summary>
    public Uri? PublicBaseUrl { get; set; }

    public TimeSpan InvitationLifetime { get; set; } = TimeSpan.FromDays(7);

    internal static bool IsValid(OnboardingOptions options) =>
        options.InvitationLifetime > TimeSpan.Zero && options.InvitationLifetime <= TimeSpan.FromDays(90)
        && (options.PublicBaseUrl is null || (options.PublicBaseUrl.IsAbsoluteUri && options.PublicBaseUrl.Scheme is "https" or "http"));

    internal const string Invalid =
        "Onboarding:PublicBaseUrl must be an absolute http(s) URL and Onboarding:InvitationLifetime between 00:00:01 and 90.00:00:00.";

    /// <summary>An absolute link when the public address (or the request's own) is known, else the path itself.</summary>
    public string Absolute(string path, Uri? requestBase = null) =>
        (PublicBaseUrl ?? requestBase) is { } origin ? new Uri(origin, path).ToString() : path;
}
