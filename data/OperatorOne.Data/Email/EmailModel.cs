using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OperatorOne.Data.Conversations;
using OperatorOne.Data.Organizations;
using OperatorOne.Data.Tickets;

namespace OperatorOne.Data.Email;

internal sealed class EmailModel : IEntityTypeConfiguration<EmailReceipt>, IEntityTypeConfiguration<EmailThread>
{
    public void Configure(EntityTypeBuilder<EmailReceipt> builder)
    {
        builder.HasOne<Organization>().WithMany().HasForeignKey(r => r.OrganizationId);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(r => new { r.OrganizationId, r.Mailbox, r.UidValidity, r.Uid }).IsUnique();
        builder.HasIndex(r => new { r.Status, r.NextAttemptAt });
    }

    public void Configure(EntityTypeBuilder<EmailThread> builder)
    {
        builder.HasOne<Organization>().WithMany().HasForeignKey(t => t.OrganizationId);
        builder.HasOne<Conversation>().WithMany().HasForeignKey(t => t.ConversationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Ticket>().WithMany().HasForeignKey(t => t.TicketId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(t => t.ConversationId).IsUnique();
        builder.HasIndex(t => new { t.OrganizationId, t.TicketId });
    }
}
