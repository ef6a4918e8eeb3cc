namespace OperatorOne.Channels.Email;

/// <summary>
/// The email channel's settings (section "Email"): an SMTP server for everything sent, an IMAP server for the support
/// mailboxes read, and the one mailbox configured here (more come as email installations through the admin API).
/// Off until Email:Smtp:Host is set; mailboxes are read only when Email:Imap:Host is set too.
/// </summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    public MailServerOptions Smtp { get; set; } = new() { Port = 587 };
    public MailServerOptions Imap { get; set; } = new() { Port = 993 };

    /// <summary>The support mailbox configured here: its address (also the IMAP and SMTP user name) and password.</summary>
    public string? Address { get; set; }
    public string? Password { get; set; }

    /// <summary>The name mail from the bot shows ("Acme Support").</summary>
    public string DisplayName { get; set; } = "OperatorOne";

    /// <summary>The organization the configured mailbox serves; when empty, the only organization there is.</summary>
    public Guid? OrganizationId { get; set; }

    /// <summary>Makes links in mail absolute (documents, calendar files, the web chat); relative links are useless in a mail client.</summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>
    /// The authserv-ids of our own receiving servers ("mx.example.com"): only their Authentication-Results headers are
    /// believed. Without any, no sender is verified and every mail is from a guest.
    /// </summary>
    public List<string> TrustedAuthServIds { get; set; } = [];

    /// <summary>Mail larger than this (the server's RFC822.SIZE) is not downloaded: recorded as refused and answered.</summary>
    public long MaxMessageBytes { get; set; } = 25 * 1024 * 1024;

    /// <summary>How often a mailbox is checked when its server has no IDLE, and how long one IDLE lasts before it is renewed.</summary>
    public int PollSeconds { get; set; } = 60;
    public int IdleSeconds { get; set; } = 540;

    /// <summary>How often the list of mailboxes (email installations) is read again.</summary>
    public int MailboxScanSeconds { get; set; } = 30;

    public bool IsEnabled => !string.IsNullOrWhiteSpace(Smtp.Host);

    public bool ReadsMail => IsEnabled && !string.IsNullOrWhiteSpace(Imap.Host);
}

/// <summary>One mail server: where it is, how the connection is secured, and (for SMTP) an optional submission login.</summary>
public sealed class MailServerOptions
{
    public string? Host { get; set; }
    public int Port { get; set; }

    /// <summary>Auto, None (loopback only), StartTls or SslOnConnect.</summary>
    public MailSecurity Security { get; set; } = MailSecurity.Auto;

    /// <summary>SMTP only: a submission login for all mail; when empty, each mailbox signs in as itself when the server asks.</summary>
    public string? Username { get; set; }
    public string? Password { get; set; }

    /// <summary>IMAP only: the folder new mail arrives in.</summary>
    public string Folder { get; set; } = "INBOX";
}

public enum MailSecurity
{
    Auto,
    None,
    StartTls,
    SslOnConnect,
}
