using System.Text.RegularExpressions;
using OperatorOne.Bot.Core.Notices;
using OperatorOne.Data.Channels;

namespace OperatorOne.AdminApi.Installations;

/// <summary>A claim on a channel id: which channel, the id in that channel's own format, a label, and a secret (a Slack bot token).</summary>
internal sealed partial record InstallationCreate(string? Channel, string? ExternalId, string? DisplayName, string? Secret)
{
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        var channel = InstallationEndpoints.Installable(Channel);
        if (channel is null)
        {
            errors["channel"] = ["The channel must be msteams, slack, voice (a phone number), webchat or email (a mailbox address)."];
        }
        else if (FormatProblem(channel, ExternalId?.Trim() ?? "") is { } format)
        {
            errors["externalId"] = [format];
        }
        if (DisplayName is { } name && (name.Length > 200 || name.Any(char.IsControl)))
        {
            errors["displayName"] = ["The display name is limited to 200 characters, without control characters."];
        }
        if (Secret is { } secret && (secret.Length > 4000 || secret.Any(char.IsControl)))
        {
            errors["secret"] = ["The secret is limited to 4,000 characters, without control characters."];
        }
        return errors;
    }

    private static string? FormatProblem(string channel, string id) => channel switch
    {
        ChannelNames.Teams when !Guid.TryParse(id, out _) => "A Teams tenant id is a GUID (the directory id of the Microsoft Entra tenant).",
        ChannelNames.Slack when !SlackTeam().IsMatch(id) => "A Slack workspace id starts with T (or E for an Enterprise Grid organization), e.g. T024BE7LD.",
        // A phone number may be typed in the organization's national format; ChannelExternalIds makes it E.164 or says why not.
        ChannelNames.Voice when id.Length is 0 or > 40 => "A phone number is E.164 (+14155550100) or a number of the organization's country.",
        ChannelNames.Email when EmailConversations.Address(id) is null => "A mailbox is an email address (support@example.com).",
        ChannelNames.WebChat when !Site().IsMatch(id) => "A web chat site id is 1 to 40 lower-case letters, digits, '-' or '_', starting with a letter or digit.",
        _ => null,
    };

    [GeneratedRegex("^[TE][A-Z0-9]{2,20}$")]
    private static partial Regex SlackTeam();

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,39}$")]
    private static partial Regex Site();
}
