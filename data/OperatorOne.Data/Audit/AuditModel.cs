using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OperatorOne.Data.Organizations;

namespace OperatorOne.Data.Audit;

internal sealed class AuditModel : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> builder)
    {
        builder.HasOne<Organization>().WithMany().HasForeignKey(e => e.OrganizationId);
        builder.Property(e => e.Arguments).HasColumnType("jsonb");
        builder.Property(e => e.Detail).HasColumnType("jsonb");
        builder.HasIndex(e => new { e.OrganizationId, e.CreatedAt });
        builder.HasIndex(e => new { e.OrganizationId, e.MemberId, e.CreatedAt });
    }
}
