using System.Security.Cryptography;
using System.Text;

namespace OperatorOne.Channels.Email;

/// <summary>
/// Message-IDs of the mail we send: "op-{outbox id}.{hash}@{mailbox domain}", the same on every retry of one outbox
/// message (so a receiving server can drop a repeat) and recognisable when someone replies to it.
/// </summary>
internal static class OutboundMessageIds
{
    private const string Prefix = "op-";

    public static string For(string? activityId, string conversation, string mailbox)
    {
        var local = activityId is { Length: > 0 } id && id.StartsWith(Prefix, StringComparison.Ordinal) && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-')
            ? id : Prefix + Guid.NewGuid().ToString("N");
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{conversation}\n{local}")))[..12];
        return $"{local}.{hash}@{Domain(mailbox)}";
    }

    public static bool IsOurs(string messageId, string mailbox) =>
        messageId.StartsWith(Prefix, StringComparison.Ordinal) && messageId.EndsWith("@" + Domain(mailbox), StringComparison.OrdinalIgnoreCase);

    private static string Domain(string mailbox) => mailbox[(mailbox.LastIndexOf('@') + 1)..];
}
