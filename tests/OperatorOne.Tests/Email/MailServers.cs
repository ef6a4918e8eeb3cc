using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace OperatorOne.Tests.Email;

/// <summary>
/// A real Postfix (SMTP) and a real Dovecot (IMAP, LMTP) from the machine's Debian packages, configured in a throwaway
/// folder, listening on free loopback ports, started for a test class and stopped after it. Mail submitted to Postfix
/// for any address lands, by LMTP, in that address's Dovecot mailbox. Postfix needs root, as in CI.
/// </summary>
public sealed class MailServers : IAsyncDisposable
{
    public const string Password = "mail-test-secret";

    /// <summary>Our receiving server's name in Authentication-Results, which the bot is told to trust.</summary>
    public const string AuthServId = "mx.operatorone.test";

    private readonly string _root = Path.Combine(Path.GetTempPath(), $"operatorone-mail-{Environment.ProcessId}-{Guid.NewGuid():N}"[..48]);
    private bool _started;
    private Process? _dovecot;

    /// <summary>False: the IMAP server does not offer IDLE, so readers must poll.</summary>
    public bool OfferIdle { get; init; } = true;

    public int ImapPort { get; } = FreePort();
    public int LmtpPort { get; } = FreePort();

    /// <summary>Where mail from the internet arrives: forged Authentication-Results claiming to be ours are dropped.</summary>
    public int SmtpPort { get; } = FreePort();

    /// <summary>The hop after the DKIM/DMARC verifier: its Authentication-Results verdict arrives as written.</summary>
    public int VerifiedSmtpPort { get; } = FreePort();

    public async Task StartAsync()
    {
        if (Environment.UserName != "root")
        {
            throw new InvalidOperationException("The email tests run Postfix, which must be started as root (as ./test.sh and CI do).");
        }
        foreach (var folder in new[] { "dovecot", "mail", "postfix", "postfix-spool", "postfix-data" })
        {
            Directory.CreateDirectory(Path.Combine(_root, folder));
        }
        await File.WriteAllTextAsync(Path.Combine(_root, "dovecot", "dovecot.conf"), MailServerConfig.Dovecot(_root, ImapPort, LmtpPort, OfferIdle));
        await File.WriteAllTextAsync(Path.Combine(_root, "postfix", "main.cf"), MailServerConfig.PostfixMain(_root, LmtpPort));
        await File.WriteAllTextAsync(Path.Combine(_root, "postfix", "master.cf"), MailServerConfig.PostfixMaster(_root, SmtpPort, VerifiedSmtpPort));
        await File.WriteAllTextAsync(Path.Combine(_root, "postfix", "strip-authentication-results"), MailServerConfig.StripAuthenticationResults);
        await RunAsync("chmod", "755", _root);
        await RunAsync("chown", "mail:mail", Path.Combine(_root, "mail"));
        await RunAsync("chown", "postfix", Path.Combine(_root, "postfix-data"));
        _started = true;
        // In the foreground and unread: a daemonized Dovecot keeps its parent's pipes open for good.
        _dovecot = Process.Start(new ProcessStartInfo("dovecot") { ArgumentList = { "-F", "-c", Path.Combine(_root, "dovecot", "dovecot.conf") } })
            ?? throw new InvalidOperationException("Dovecot did not start.");
        await RunAsync("postfix", "-c", Path.Combine(_root, "postfix"), "start");
        foreach (var port in new[] { ImapPort, LmtpPort, SmtpPort, VerifiedSmtpPort })
        {
            await WaitForPortAsync(port);
        }
    }

    /// <summary>Stops Postfix (an outage of the bot's SMTP server) and returns once its SMTP port refuses connections.</summary>
    public async Task StopSmtpAsync()
    {
        await RunAsync("postfix", "-c", Path.Combine(_root, "postfix"), "stop");
        await WaitForPortClosedAsync(SmtpPort);
    }

    /// <summary>Starts Postfix again after <see cref="StopSmtpAsync"/> and returns once it accepts connections.</summary>
    public async Task StartSmtpAsync()
    {
        await RunAsync("postfix", "-c", Path.Combine(_root, "postfix"), "start");
        await WaitForPortAsync(SmtpPort);
        await WaitForPortAsync(VerifiedSmtpPort);
    }

    /// <summary>Submits a mail to Postfix, as the internet does (<paramref name="verified"/> false) or after our verifier.</summary>
    public async Task SendAsync(MimeMessage message, bool verified = false)
    {
        using var client = new SmtpClient();
        await client.ConnectAsync("127.0.0.1", verified ? VerifiedSmtpPort : SmtpPort, SecureSocketOptions.None);
        await client.SendAsync(message);
        await client.DisconnectAsync(true);
    }

    /// <summary>Submits raw bytes, for mail no library would write (broken MIME).</summary>
    public async Task SendRawAsync(string from, string to, byte[] raw)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, SmtpPort);
        await using var stream = tcp.GetStream();
        using var reader = new StreamReader(stream);
        async Task<string> CommandAsync(string? line)
        {
            if (line is not null)
            {
                await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes(line + "\r\n"));
            }
            string reply;
            do
            {
                reply = await reader.ReadLineAsync() ?? throw new IOException("Postfix closed the connection.");
            }
            while (reply.Length > 3 && reply[3] == '-');
            return reply;
        }
        await CommandAsync(null);
        foreach (var command in new[] { "EHLO test", $"MAIL FROM:<{from}>", $"RCPT TO:<{to}>", "DATA" })
        {
            var reply = await CommandAsync(command);
            if (reply[0] is not ('2' or '3'))
            {
                throw new IOException($"Postfix refused {command}: {reply}");
            }
        }
        await stream.WriteAsync(raw);
        var accepted = await CommandAsync("\r\n.");
        Assert.StartsWith("250", accepted);
        await CommandAsync("QUIT");
    }

    /// <summary>Every mail in the address's inbox, oldest first.</summary>
    public async Task<List<MimeMessage>> InboxAsync(string address)
    {
        using var client = new ImapClient();
        await client.ConnectAsync("127.0.0.1", ImapPort, SecureSocketOptions.None);
        await client.AuthenticateAsync(address, Password);
        await client.Inbox.OpenAsync(FolderAccess.ReadOnly);
        var messages = new List<MimeMessage>();
        for (var i = 0; i < client.Inbox.Count; i++)
        {
            messages.Add(await client.Inbox.GetMessageAsync(i));
        }
        await client.DisconnectAsync(true);
        return messages;
    }

    /// <summary>Waits (up to 30 s) until the address's inbox holds a mail matching <paramref name="match"/>.</summary>
    public async Task<MimeMessage> WaitForMailAsync(string address, Func<MimeMessage, bool> match)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var found = (await InboxAsync(address)).FirstOrDefault(match);
            if (found is not null)
            {
                return found;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"No matching mail reached {address}; it holds {(await InboxAsync(address)).Count}.");
            }
            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_started)
        {
            await RunAsync("postfix", "-c", Path.Combine(_root, "postfix"), "stop");
            await RunAsync("dovecot", "-c", Path.Combine(_root, "dovecot", "dovecot.conf"), "stop");
        }
        if (_dovecot is not null)
        {
            await _dovecot.WaitForExitAsync();
            _dovecot.Dispose();
        }
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: the folder lives under /tmp.
        }
    }

    private static async Task RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}): {output}");
        }
    }

    private static async Task WaitForPortAsync(int port)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }
        }
    }

    private static async Task WaitForPortClosedAsync(int port)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
            }
            catch (SocketException)
            {
                return;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Port {port} still accepts connections after postfix stop.");
            }
            await Task.Delay(50);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
