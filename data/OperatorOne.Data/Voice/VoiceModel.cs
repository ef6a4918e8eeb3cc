using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OperatorOne.Data.Members;
using OperatorOne.Data.Organizations;

namespace OperatorOne.Data.Voice;

internal sealed class VoiceModel : IEntityTypeConfiguration<VoicePin>, IEntityTypeConfiguration<VoiceCall>
{
    public void Configure(EntityTypeBuilder<VoicePin> builder)
    {
        builder.HasKey(p => p.MemberId);
        builder.HasOne<Organization>().WithMany().HasForeignKey(p => p.OrganizationId);
        builder.HasOne<Member>().WithOne().HasForeignKey<VoicePin>(p => p.MemberId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(p => p.Hash).HasMaxLength(200);
    }

    public void Configure(EntityTypeBuilder<VoiceCall> builder)
    {
        builder.HasOne<Organization>().WithMany().HasForeignKey(c => c.OrganizationId);
        builder.Property(c => c.CallSid).HasMaxLength(64);
        builder.Property(c => c.State).HasColumnType("jsonb");
        builder.HasIndex(c => c.CallSid).IsUnique();
    }
}
