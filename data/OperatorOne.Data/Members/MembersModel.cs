using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OperatorOne.Data.Organizations;

namespace OperatorOne.Data.Members;

internal sealed class MembersModel : IEntityTypeConfiguration<Member>, IEntityTypeConfiguration<ChannelIdentity>
{
    public void Configure(EntityTypeBuilder<Member> builder)
    {
        builder.HasOne<Organization>().WithMany().HasForeignKey(m => m.OrganizationId);
        builder.Property(m => m.Role).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.DisplayName).HasMaxLength(200);
        builder.Property(m => m.Handle).HasMaxLength(64);
        builder.Property(m => m.TimeZone).HasMaxLength(64);
        builder.Property(m => m.NotifyBy).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(m => new { m.OrganizationId, m.Handle }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<ChannelIdentity> builder)
    {
        builder.HasOne<Member>().WithMany().HasForeignKey(i => i.MemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(i => new { i.OrganizationId, i.Channel, i.ExternalId }).IsUnique();
    }
}
