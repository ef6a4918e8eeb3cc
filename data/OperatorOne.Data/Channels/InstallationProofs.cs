namespace OperatorOne.Data.Channels;

/// <summary>How an installation's ownership was proven (<see cref="ChannelInstallation.Proof"/>).</summary>
public static class InstallationProofs
{
    /// <summary>Slack's OAuth v2 install, authorized in the workspace.</summary>
    public const string SlackOAuth = "slack_oauth";

    /// <summary>A bot token whose auth.test answered this workspace.</summary>
    public const string SlackAuthTest = "slack_auth_test";

    /// <summary>The one-time code sent to the bot in a signed activity from the tenant.</summary>
    public const string TeamsSignedActivity = "teams_signed_activity";

    /// <summary>The configured Twilio account's IncomingPhoneNumbers lists the number.</summary>
    public const string TwilioAccount = "twilio_account";

    /// <summary>A web chat site: its id is ours to hand out, its secret ours to issue.</summary>
    public const string WebChatSite = "webchat_site";

    /// <summary>The configured IMAP server accepted the mailbox address with the password given as the secret.</summary>
    public const string EmailSignIn = "email_sign_in";

    /// <summary>The mailbox named in the server's own configuration (Email:Address), set by whoever runs it.</summary>
    public const string EmailConfiguration = "email_configuration";

    /// <summary>The demo organization's fixed ids (demo data only).</summary>
    public const string Demo = "demo";
}
