using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OperatorOne.Data.Conversations;
using OperatorOne.Data.Integrations;
using OperatorOne.Data.Organizations;

namespace OperatorOne.Data.Outbox;

internal sealed class OutboxModel : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.HasOne<Organization>().WithMany().HasForeignKey(m => m.OrganizationId);
        builder.HasOne<Conversation>().WithMany().HasForeignKey(m => m.ConversationId).OnDelete(DeleteBehavior.Cascade);
        // Deleting a subscription deletes its delivery log with it.
        builder.HasOne<WebhookSubscription>().WithMany().HasForeignKey(m => m.WebhookSubscriptionId).OnDelete(DeleteBehavior.Cascade);
        // A webhook delivery goes to its subscription only; a message goes to a conversation, to a member until one is
        // opened, or (a card update) wherever its card copy was delivered.
        builder.ToTable(t => t.HasCheckConstraint("ck_outbox_messages_target",
            "(webhook_subscription_id IS NOT NULL AND conversation_id IS NULL AND member_id IS NULL)"
            + " OR (webhook_subscription_id IS NULL AND (conversation_id IS NOT NULL OR member_id IS NOT NULL OR card_copy_id IS NOT NULL))"));
        builder.Property(m => m.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(16);
        builder.HasOne<Members.Member>().WithMany().HasForeignKey(m => m.MemberId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(m => m.Channel).HasMaxLength(32);
        builder.Property(m => m.ClaimedBy).HasMaxLength(200);
        builder.Property(m => m.Activity).HasColumnType("jsonb");
        builder.HasIndex(m => new { m.Status, m.NextAttemptAt });
        builder.HasIndex(m => new { m.WebhookSubscriptionId, m.Id });
    }
}
