using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OperatorOne.Data.Organizations;

namespace OperatorOne.Data.Conversations;

internal sealed class ConversationsModel :
    IEntityTypeConfiguration<Conversation>,
    IEntityTypeConfiguration<TranscriptMessage>,
    IEntityTypeConfiguration<ProcessedDelivery>,
    IEntityTypeConfiguration<DialogState>,
    IEntityTypeConfiguration<RateLimitWindow>
{
    public void Configure(EntityTypeBuilder<Conversation> builder)
    {
        builder.HasOne<Organization>().WithMany().HasForeignKey(c => c.OrganizationId);
        builder.Property(c => c.Reference).HasColumnType("jsonb");
        builder.HasIndex(c => new { c.OrganizationId, c.Channel, c.ExternalId }).IsUnique();
        builder.HasIndex(c => new { c.OrganizationId, c.MemberId });
    }

    public void Configure(EntityTypeBuilder<TranscriptMessage> builder)
    {
        builder.HasOne<Conversation>().WithMany().HasForeignKey(m => m.ConversationId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(m => m.Direction).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.Activity).HasColumnType("jsonb");
        builder.HasIndex(m => new { m.ConversationId, m.Id });
    }

    public void Configure(EntityTypeBuilder<ProcessedDelivery> builder)
    {
        builder.HasKey(d => new { d.Channel, d.DeliveryId });
        builder.HasOne<Organization>().WithMany().HasForeignKey(d => d.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(d => d.Channel).HasMaxLength(32);
        builder.Property(d => d.DeliveryId).HasMaxLength(300);
        builder.HasIndex(d => d.ReceivedAt);
    }

    public void Configure(EntityTypeBuilder<DialogState> builder)
    {
        builder.HasKey(d => d.ConversationId);
        builder.HasOne<Conversation>().WithMany().HasForeignKey(d => d.ConversationId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(d => d.Slots).HasColumnType("jsonb");
    }

    public void Configure(EntityTypeBuilder<RateLimitWindow> builder)
    {
        builder.HasKey(w => new { w.OrganizationId, w.Key });
    }
}
