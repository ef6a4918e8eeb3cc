using OperatorOne.Bot.Core.Turns;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OperatorOne.Bot.Core.Channels;
using OperatorOne.Bot.Core.Tenancy;

namespace OperatorOne.Channels.Email;

/// <summary>
/// The email channel: support mailboxes read over IMAP (each mail a turn: a ticket, or a comment on one) and everything
/// sent by SMTP through the outbox. It has no HTTP endpoints. Off until Email:Smtp:Host is set.
/// </summary>
public static class EmailChannel
{
    public static IHostApplicationBuilder AddEmailChannel(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<EmailOptions>().Bind(builder.Configuration.GetSection(EmailOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<EmailOptions>, EmailOptionsValidator>();
        // Without an SMTP server nothing of the channel is registered: no sender, no mailbox readers.
        if (string.IsNullOrWhiteSpace(builder.Configuration[$"{EmailOptions.Section}:Smtp:Host"]))
        {
            return builder;
        }
        services.AddSingleton<EmailMailboxes>();
        services.AddSingleton<EmailReceipts>();
        services.AddScoped<MailTickets>();
        services.AddScoped<EmailTurns>();
        services.AddSingleton<MailsInFlight>();
        services.AddScoped<ITurnStep, MailStep>();
        services.AddSingleton<IChannelSender, EmailSender>();
        services.AddSingleton<IInstallationProof, EmailMailboxProof>();
        services.AddHostedService<EmailSingleMailbox>();
        services.AddHostedService<EmailIntakeWorker>();
        return builder;
    }
}
