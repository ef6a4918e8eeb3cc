using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OperatorOne.Data.Organizations;

namespace OperatorOne.Data.Work;

internal sealed class WorkModel :
    IEntityTypeConfiguration<AcceptedTurn>,
    IEntityTypeConfiguration<Replica>,
    IEntityTypeConfiguration<PeriodicJob>
{
    public void Configure(EntityTypeBuilder<AcceptedTurn> builder)
    {
        builder.ToTable("accepted_turns");
        builder.HasOne<Organization>().WithMany().HasForeignKey(t => t.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(t => t.Channel).HasMaxLength(32);
        builder.Property(t => t.DeliveryId).HasMaxLength(300);
        builder.Property(t => t.Payload).HasColumnType("jsonb");
        builder.Property(t => t.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(t => t.ClaimedBy).HasMaxLength(200);
        builder.HasIndex(t => new { t.Channel, t.DeliveryId }).IsUnique();
        builder.HasIndex(t => new { t.Status, t.NextAttemptAt });
    }

    public void Configure(EntityTypeBuilder<Replica> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).HasMaxLength(200);
    }

    public void Configure(EntityTypeBuilder<PeriodicJob> builder)
    {
        builder.HasKey(j => j.Name);
        builder.Property(j => j.Name).HasMaxLength(100);
        builder.Property(j => j.ClaimedBy).HasMaxLength(200);
    }
}
