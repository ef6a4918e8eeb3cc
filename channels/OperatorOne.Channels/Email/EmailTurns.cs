using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using OperatorOne.Bot.Core.Activities;
using OperatorOne.Bot.Core.Notices;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Bot.Core.Turns;
using OperatorOne.Data.Channels;

namespace OperatorOne.Channels.Email;

/// <summary>
/// The one place a mail enters the core: it becomes an <see cref="InboundTurn"/> (delivery id: mailbox + Message-ID;
/// conversation: the sender's thread) handed to <see cref="TurnLoop"/> with the step <see cref="MailStep"/>. Inside the
/// turn's transaction the step opens or comments on the ticket and marks the receipt done; the answers are the turn's
/// replies (outbox rows), so a mail is answered once or not at all. The receipt stays claimed until then, so there is
/// no budget: intake waits for the turn.
/// </summary>
internal sealed class EmailTurns(TurnLoop turns, MailsInFlight inFlight)
{
    public async Task<string> RunAsync(InboundMail mail, MailboxClaim claim, CancellationToken cancellationToken)
    {
        var externalId = EmailConversations.ExternalId(mail.ChannelUserId, mail.ThreadRoot);
        var conversation = new ConversationAccount { Id = externalId, Name = mail.Subject };
        var bot = new ChannelAccount { Id = claim.Address };
        var user = new ChannelAccount { Id = mail.From, Name = mail.FromName };
        var deliveryId = InboundTurn.StorableDeliveryId($"{claim.Address}/{mail.MessageId}");
        var turn = new InboundTurn
        {
            Channel = ChannelNames.Email,
            DeliveryId = deliveryId,
            InstallationId = claim.Address,
            ChannelUserId = mail.ChannelUserId,
            UserName = mail.FromName,
            // A thread has one requester's words and the bot's answers, never someone else's notices.
            IsPersonal = false,
            Activity = new Activity
            {
                Type = ActivityTypes.Message,
                Id = mail.MessageId,
                Timestamp = mail.Date,
                ChannelId = ChannelNames.Email,
                From = new ChannelAccount { Id = mail.ChannelUserId, Name = mail.FromName },
                Recipient = bot,
                Conversation = conversation,
                Text = mail.Text,
                ChannelData = new JsonObject
                {
                    ["email"] = new JsonObject
                    {
                        ["subject"] = mail.Subject,
                        ["from"] = mail.From,
                        ["verified"] = mail.Verified,
                        ["automated"] = mail.Automation.ToString(),
                        ["files"] = new JsonArray([.. mail.Files.Select(f => JsonValue.Create(f.Name))]),
                    },
                },
            },
            Reference = new ConversationReference { ChannelId = ChannelNames.Email, Conversation = conversation, Bot = bot, User = user },
            Step = new TurnStep(MailStep.StepName, new JsonObject { ["delivery"] = deliveryId }),
        };
        var entry = inFlight.Add(deliveryId, mail, claim);
        try
        {
            var outcome = await turns.ProcessAsync(turn, budget: null, cancellationToken);
            var result = outcome is TurnOutcome.Completed completed ? completed.Result : null;
            return result?.Status switch
            {
                TurnStatus.Duplicate => "duplicate of a mail taken in before",
                TurnStatus.UnknownInstallation => "the mailbox is not installed for any organization",
                _ => entry.Outcome?.Summary ?? result?.Status.ToString() ?? "accepted",
            };
        }
        finally
        {
            inFlight.Remove(deliveryId);
        }
    }
}

/// <summary>The mails this replica is running as turns, by delivery id: what <see cref="MailStep"/> works on.</summary>
internal sealed class MailsInFlight
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, MailInFlight> _mails = new(StringComparer.Ordinal);

    public MailInFlight Add(string deliveryId, InboundMail mail, MailboxClaim claim) => _mails[deliveryId] = new MailInFlight(mail, claim);

    public MailInFlight? Find(string deliveryId) => _mails.GetValueOrDefault(deliveryId);

    public void Remove(string deliveryId) => _mails.TryRemove(deliveryId, out _);
}

internal sealed class MailInFlight(InboundMail mail, MailboxClaim claim)
{
    public InboundMail Mail { get; } = mail;
    public MailboxClaim Claim { get; } = claim;
    public MailOutcome? Outcome { get; set; }
}

/// <summary>
/// A mail's turn: tickets and comments (<see cref="MailTickets"/>), the ticket token in the thread's subject, and the
/// receipt marked done — all in the turn's transaction. Mail no person wrote is taken in but never answered.
/// </summary>
internal sealed class MailStep(MailTickets tickets, MailsInFlight inFlight, EmailReceipts receipts) : ITurnStep
{
    public const string StepName = "email.mail";

    public string Name => StepName;

    public async Task<IReadOnlyList<Reply>> RunAsync(InboundTurn turn, ToolContext context, CancellationToken cancellationToken)
    {
        var entry = inFlight.Find(turn.DeliveryId)
            ?? throw new InvalidOperationException($"The mail {turn.DeliveryId} is not being taken in by this replica.");
        var (mail, claim) = (entry.Mail, entry.Claim);
        var outcome = entry.Outcome = await tickets.HandleAsync(mail, claim.Address, context, cancellationToken);
        var db = context.Db;
        var conversation = await db.Conversations.SingleAsync(c => c.Id == context.ConversationId, cancellationToken);
        var reference = BotJson.Deserialize<ConversationReference>(conversation.Reference);
        if (outcome.TicketNumber is { } number && MailTickets.SubjectToken(reference.Conversation.Name ?? "") is null)
        {
            // Later mail in this thread (ticket updates, answers) carries the token, so a reply finds the ticket even without References.
            var subject = MailText.OneLine($"{MailText.WithoutReplyPrefixes(mail.Subject)} [#{number}]", MailReader.MaxSubjectLength + 16);
            conversation.Reference = BotJson.Serialize(reference with { Conversation = reference.Conversation with { Name = subject } });
        }
        await db.SaveChangesAsync(cancellationToken);
        var status = mail.Refusal is null ? Data.Email.EmailReceiptStatus.Done : Data.Email.EmailReceiptStatus.Refused;
        await receipts.FinishAsync(db, claim, status, outcome.Summary, mail.MessageId, cancellationToken);
        // Two bots must not answer each other.
        return mail.Automation == MailAutomation.Person ? OneAnswer(outcome.Replies) : [];
    }

    /// <summary>
    /// One mail is answered by one mail: the ticket and each attachment's fate go out together in the thread, not as a
    /// burst of mails (each reply would otherwise be its own outbox message).
    /// </summary>
    internal static IReadOnlyList<Reply> OneAnswer(IReadOnlyList<Reply> replies) =>
        replies.Count <= 1 ? replies
            : [new Reply(string.Join("\n\n", replies.Select(r => r.Text))) { Card = replies.FirstOrDefault(r => r.Card is not null)?.Card }];
}
