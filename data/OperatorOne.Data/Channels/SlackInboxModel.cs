using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OperatorOne.Data.Organizations;

namespace OperatorOne.Data.Channels;

internal sealed class SlackInboxModel : IEntityTypeConfiguration<SlackInboxItem>
{
    public void Configure(EntityTypeBuilder<SlackInboxItem> builder)
    {
        builder.ToTable("slack_inbox");
        builder.HasOne<Organization>().WithMany().HasForeignKey(i => i.OrganizationId);
        builder.Property(i => i.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(i => i.Payload).HasColumnType("jsonb");
        builder.HasIndex(i => new { i.TeamId, i.DeliveryId }).IsUnique();
        builder.HasIndex(i => new { i.Status, i.NextAttemptAt });
    }
}
