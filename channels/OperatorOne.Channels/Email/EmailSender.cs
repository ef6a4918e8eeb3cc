using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using OperatorOne.Bot.Core.Activities;
using OperatorOne.Bot.Core.Channels;
using OperatorOne.Data.Channels;

namespace OperatorOne.Channels.Email;

/// <summary>
/// The outbox's way into mail: one SMTP submission per message, signed in as Email:Smtp:Username or as the mailbox
/// itself when the server asks. 4xx and lost connections are retried; a 5xx refusal of the recipient marks the
/// conversation stale; a mail cannot be edited, so a card update goes out as a follow-up in the same thread.
/// </summary>
internal sealed class EmailSender(EmailMailboxes mailboxes, IOptions<EmailOptions> options) : IChannelSender
{
    public string Channel => ChannelNames.Email;

    public string DisplayName => "email";

    public async Task<DeliveryResult> SendAsync(ConversationReference reference, Activity activity, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var message = MailRendering.Render(reference, activity, settings, out var messageId);
        if (message is null)
        {
            return new DeliveryResult.Undeliverable("The conversation has no usable mailbox or recipient address.", StaleConversation: true);
        }
        using var client = new SmtpClient();
        try
        {
            await client.ConnectAsync(settings.Smtp.Host!, settings.Smtp.Port, settings.Smtp.Security.ToMailKit(), cancellationToken);
            if (client.Capabilities.HasFlag(SmtpCapabilities.Authentication))
            {
                var user = settings.Smtp.Username ?? reference.Bot!.Id;
                var password = settings.Smtp.Username is null ? await mailboxes.PasswordAsync(reference.Bot!.Id, cancellationToken) : settings.Smtp.Password;
                await client.AuthenticateAsync(user, password ?? "", cancellationToken);
            }
            await client.SendAsync(message, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
            return new DeliveryResult.Delivered(messageId);
        }
        catch (SmtpCommandException ex) when ((int)ex.StatusCode >= 500)
        {
            var recipient = ex.ErrorCode == SmtpErrorCode.RecipientNotAccepted;
            return new DeliveryResult.Undeliverable($"The mail server refused {(recipient ? "the recipient" : "the mail")}: {(int)ex.StatusCode} {ex.Message}",
                StaleConversation: recipient);
        }
        catch (AuthenticationException ex)
        {
            return new DeliveryResult.Undeliverable($"The mail server refused our sign-in: {ex.Message}", StaleConversation: false);
        }
        catch (Exception ex) when (ex is SmtpCommandException or SmtpProtocolException or ServiceNotConnectedException or SocketException or IOException
            or TimeoutException or SslHandshakeException)
        {
            return new DeliveryResult.RetryLater($"Mail not sent yet: {ex.Message}");
        }
    }

    /// <summary>A follow-up mail answering the one sent; its id comes from the original and the new text, so a retry repeats it exactly.</summary>
    public Task<DeliveryResult> UpdateAsync(ConversationReference reference, string activityId, Activity activity, CancellationToken cancellationToken)
    {
        var followUp = "op-u" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes($"{activityId}\n{activity.Text}")))[..16];
        return SendAsync(reference, activity with { Id = followUp, ReplyToId = activityId }, cancellationToken);
    }
}
