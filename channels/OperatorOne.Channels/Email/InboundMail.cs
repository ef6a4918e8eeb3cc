using OperatorOne.Bot.Core.Turns;

namespace OperatorOne.Channels.Email;

/// <summary>A mail as the core needs it: who sent it (and whether our server vouches for that), the thread, the words and files.</summary>
internal sealed record InboundMail
{
    public const string UnverifiedPrefix = "unverified:";

    /// <summary>The Message-ID without angle brackets, or "{mailbox}/{UIDVALIDITY}/{UID}" for a mail without one.</summary>
    public required string MessageId { get; init; }

    /// <summary>The first mail of the thread (the first References id, else In-Reply-To, else this mail).</summary>
    public required string ThreadRoot { get; init; }

    /// <summary>In-Reply-To and References: every earlier mail this one answers.</summary>
    public IReadOnlyList<string> Parents { get; init; } = [];

    /// <summary>The From address, lower-cased.</summary>
    public required string From { get; init; }
    public string? FromName { get; init; }

    /// <summary>Our receiving server's DKIM/DMARC verdict vouches for <see cref="From"/>.</summary>
    public bool Verified { get; init; }
    public required string Subject { get; init; }
    public string Text { get; init; } = "";
    public IReadOnlyList<InboundFile> Files { get; init; } = [];
    public MailAutomation Automation { get; init; }
    public DateTimeOffset Date { get; init; }

    /// <summary>Why the mail is not taken in (too large): it is answered with this, and nothing else is done.</summary>
    public string? Refusal { get; init; }

    /// <summary>The identity the core sees: a bare address only when verified, so a forged From can never be a member.</summary>
    public string ChannelUserId => Verified ? From : UnverifiedPrefix + From;
}
