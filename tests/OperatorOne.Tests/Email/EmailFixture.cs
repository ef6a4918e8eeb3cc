using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.Email;

/// <summary>The real bot with email configured against the class's own Postfix and Dovecot on loopback.</summary>
public sealed class EmailFixture : IAsyncLifetime
{
    public const string PublicBaseUrl = "https://bot.example.test/";

    public MailServers Mail { get; } = new();
    public BotHost Host { get; } = new();

    public async ValueTask InitializeAsync()
    {
        await Mail.StartAsync();
        Host.Settings["Email:Smtp:Host"] = "127.0.0.1";
        Host.Settings["Email:Smtp:Port"] = Mail.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Host.Settings["Email:Smtp:Security"] = "None";
        Host.Settings["Email:Imap:Host"] = "127.0.0.1";
        Host.Settings["Email:Imap:Port"] = Mail.ImapPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Host.Settings["Email:Imap:Security"] = "None";
        Host.Settings["Email:TrustedAuthServIds:0"] = MailServers.AuthServId;
        Host.Settings["Email:PublicBaseUrl"] = PublicBaseUrl;
        Host.Settings["Email:DisplayName"] = "Test Support";
        // Short intervals: mailboxes made by a test are read within a second, retries within two.
        Host.Settings["Email:PollSeconds"] = "2";
        Host.Settings["Email:MailboxScanSeconds"] = "1";
        Host.Settings["Documents:PublicBaseUrl"] = PublicBaseUrl;
        await Host.InitializeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Mail.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class EmailCollection : ICollectionFixture<EmailFixture>
{
    public const string Name = "email";
}
