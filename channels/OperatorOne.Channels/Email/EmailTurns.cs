using System.Text.Json.Nodes;
using OperatorOne.Bot.Core.Activities;
using OperatorOne.Bot.Core.Notices;
using OperatorOne.Bot.Core.Outbox;
using OperatorOne.Bot.Core.Turns;
using OperatorOne.Data;
using OperatorOne.Data.Channels;

namespace OperatorOne.Channels.Email;

/// <summary>
/// The one place a mail enters the core: it becomes an <see cref="InboundTurn"/> (delivery id: mailbox + Message-ID;
/// conversation: the sender's thread) whose step is <see cref="MailTickets"/>. Inside the turn's transaction the
/// answers are queued in the outbox and the receipt is marked done, so a mail is answered once or not at all.
/// </summary>
internal sealed class EmailTurns(TurnPipeline pipeline, MailTickets tickets, OperatorOneDb db, OutboxWriter outbox, EmailReceipts receipts)
{
    public async Task<string> RunAsync(InboundMail mail, MailboxClaim claim, CancellationToken cancellationToken)
    {
        var externalId = EmailConversations.ExternalId(mail.ChannelUserId, mail.ThreadRoot);
        var conversation = new ConversationAccount { Id = externalId, Name = mail.Subject };
        var bot = new ChannelAccount { Id = claim.Address };
        var user = new ChannelAccount { Id = mail.From, Name = mail.FromName };
        MailOutcome? outcome = null;
        var turn = new InboundTurn
        {
            Channel = ChannelNames.Email,
            DeliveryId = $"{claim.Address}/{mail.MessageId}",
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
            Handler = async (context, ct) =>
            {
                outcome = await tickets.HandleAsync(mail, claim.Address, context, ct);
                // Mail no person wrote is taken in but never answered: two bots must not answer each other.
                return mail.Automation == MailAutomation.Person ? outcome.Replies : [];
            },
            BeforeCommit = (replies, ct) => CommitAsync(mail, claim, outcome, replies, ct),
        };
        var result = await pipeline.RunAsync(turn, cancellationToken);
        return result.Status switch
        {
            TurnStatus.Duplicate => "duplicate of a mail taken in before",
            TurnStatus.UnknownInstallation => "the mailbox is not installed for any organization",
            _ => outcome?.Summary ?? result.Status.ToString(),
        };
    }

    private async Task CommitAsync(InboundMail mail, MailboxClaim claim, MailOutcome? outcome, IReadOnlyList<Activity> replies, CancellationToken cancellationToken)
    {
        var conversation = db.Conversations.Local.Single(c => c.Channel == ChannelNames.Email && c.ExternalId == EmailConversations.ExternalId(mail.ChannelUserId, mail.ThreadRoot));
        var reference = BotJson.Deserialize<ConversationReference>(conversation.Reference);
        if (outcome?.TicketNumber is { } number && MailTickets.SubjectToken(reference.Conversation.Name ?? "") is null)
        {
            // Later mail in this thread (ticket updates, answers) carries the token, so a reply finds the ticket even without References.
            var subject = MailText.OneLine($"{MailText.WithoutReplyPrefixes(mail.Subject)} [#{number}]", MailReader.MaxSubjectLength + 16);
            conversation.Reference = BotJson.Serialize(reference with { Conversation = reference.Conversation with { Name = subject } });
        }
        foreach (var reply in replies)
        {
            outbox.Send(db, conversation.OrganizationId, conversation.Id, reply);
        }
        await db.SaveChangesAsync(cancellationToken);
        var status = mail.Refusal is null ? Data.Email.EmailReceiptStatus.Done : Data.Email.EmailReceiptStatus.Refused;
        await receipts.FinishAsync(db, claim, status, outcome?.Summary ?? "no answer", mail.MessageId, cancellationToken);
    }
}
