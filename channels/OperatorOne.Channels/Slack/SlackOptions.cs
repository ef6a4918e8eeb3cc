using Microsoft.Extensions.Options;

namespace OperatorOne.Channels.Slack;

/// <summary>
/// The Slack app's settings (section "Slack"). The channel is on when a signing secret is set; a single workspace
/// can use a configured bot token, several workspaces install through OAuth (client id and secret).
/// </summary>
public sealed class SlackOptions
{
    public const string Section = "Slack";

    public string? SigningSecret { get; set; }

    /// <summary>A bot token (xoxb-…) for a single-workspace setup; installed workspaces bring their own.</summary>
    public string? BotToken { get; set; }

    /// <summary>The workspace the configured bot token belongs to; when empty it serves every installed workspace without a token of its own.</summary>
    public string? TeamId { get; set; }

    /// <summary>The organization the configured workspace serves; when empty, the only organization there is.</summary>
    public Guid? OrganizationId { get; set; }

    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }

    /// <summary>Where Slack sends the installer back; defaults to this server's /api/slack/oauth/callback as the request saw it.</summary>
    public string? RedirectUri { get; set; }

    /// <summary>The Web API base; tests point it at a local stand-in.</summary>
    public Uri ApiBaseUrl { get; set; } = new("https://slack.com/api/");

    /// <summary>Slack's OAuth authorize page.</summary>
    public Uri AuthorizeUrl { get; set; } = new("https://slack.com/oauth/v2/authorize");

    public bool IsEnabled => !string.IsNullOrWhiteSpace(SigningSecret);

    public bool CanInstall => IsEnabled && !string.IsNullOrWhiteSpace(ClientId) && !string.IsNullOrWhiteSpace(ClientSecret);
}

/// <summary>Refuses to start with Slack half-configured, naming the missing setting.</summary>
internal sealed class SlackOptionsValidator : IValidateOptions<SlackOptions>
{
    public ValidateOptionsResult Validate(string? name, SlackOptions options)
    {
        var failures = new List<string>();
        var anySet = !string.IsNullOrWhiteSpace(options.BotToken) || !string.IsNullOrWhiteSpace(options.ClientId)
            || !string.IsNullOrWhiteSpace(options.ClientSecret) || !string.IsNullOrWhiteSpace(options.TeamId);
        if (anySet && !options.IsEnabled)
        {
            failures.Add("Slack:SigningSecret is required when any other Slack setting (BotToken, TeamId, ClientId, ClientSecret) is set; without it no Slack request can be verified.");
        }
        if (!string.IsNullOrWhiteSpace(options.BotToken) && !options.BotToken.StartsWith("xoxb-", StringComparison.Ordinal))
        {
            failures.Add("Slack:BotToken must be a bot token (xoxb-…).");
        }
        if (string.IsNullOrWhiteSpace(options.ClientId) != string.IsNullOrWhiteSpace(options.ClientSecret))
        {
            failures.Add(string.IsNullOrWhiteSpace(options.ClientId)
                ? "Slack:ClientId is required when Slack:ClientSecret is set."
                : "Slack:ClientSecret is required when Slack:ClientId is set.");
        }
        if (!string.IsNullOrWhiteSpace(options.TeamId) && string.IsNullOrWhiteSpace(options.BotToken))
        {
            failures.Add("Slack:TeamId names the workspace of Slack:BotToken; set the token too, or remove the team id.");
        }
        foreach (var (setting, url) in new[] { ("Slack:ApiBaseUrl", options.ApiBaseUrl), ("Slack:AuthorizeUrl", options.AuthorizeUrl) })
        {
            if (!url.IsAbsoluteUri || url.Scheme is not ("https" or "http"))
            {
                failures.Add($"{setting} must be an absolute http(s) URL.");
            }
        }
        if (!options.ApiBaseUrl.AbsolutePath.EndsWith('/'))
        {
            failures.Add("Slack:ApiBaseUrl must end with '/' (https://slack.com/api/).");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
