using System.Net;
using Microsoft.Extensions.Options;
using OperatorOne.Bot.Core.Notices;

namespace OperatorOne.Channels.Email;

/// <summary>Refuses to start with email half-configured or unsafe, naming the setting.</summary>
internal sealed class EmailOptionsValidator : IValidateOptions<EmailOptions>
{
    public ValidateOptionsResult Validate(string? name, EmailOptions options)
    {
        var failures = new List<string>();
        var anySet = !string.IsNullOrWhiteSpace(options.Address) || !string.IsNullOrWhiteSpace(options.Imap.Host) || !string.IsNullOrWhiteSpace(options.Password);
        if (anySet && !options.IsEnabled)
        {
            failures.Add("Email:Smtp:Host is required when any other Email setting (Address, Password, Imap:Host) is set: nothing could be answered.");
        }
        if (!string.IsNullOrWhiteSpace(options.Address) && EmailConversations.Address(options.Address) is null)
        {
            failures.Add("Email:Address must be an email address (support@example.com).");
        }
        if (!string.IsNullOrWhiteSpace(options.Password) && string.IsNullOrWhiteSpace(options.Address))
        {
            failures.Add("Email:Password needs Email:Address, the mailbox it opens.");
        }
        foreach (var (setting, server) in new[] { ("Email:Smtp", options.Smtp), ("Email:Imap", options.Imap) })
        {
            if (string.IsNullOrWhiteSpace(server.Host))
            {
                continue;
            }
            if (server.Port is < 1 or > 65535)
            {
                failures.Add($"{setting}:Port must be 1 to 65535.");
            }
            // Passwords cross the connection: in clear only to this machine.
            if (server.Security == MailSecurity.None && !IsLoopback(server.Host))
            {
                failures.Add($"{setting}:Security None is allowed only for a server on this machine (localhost); use StartTls or SslOnConnect for {server.Host}.");
            }
        }
        if (options.PublicBaseUrl is { } url && (!url.IsAbsoluteUri || url.Scheme is not ("https" or "http")))
        {
            failures.Add("Email:PublicBaseUrl must be an absolute http(s) URL.");
        }
        if (options.MaxMessageBytes is < 64 * 1024 or > 200 * 1024 * 1024)
        {
            failures.Add("Email:MaxMessageBytes must be between 65536 and 209715200.");
        }
        if (options.PollSeconds < 1 || options.IdleSeconds is < 1 or > 1740 || options.MailboxScanSeconds < 1)
        {
            failures.Add("Email:PollSeconds and Email:MailboxScanSeconds must be positive; Email:IdleSeconds 1 to 1740 (IMAP servers drop an IDLE after 30 minutes).");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsLoopback(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));
}
