using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OperatorOne.Data.Members;

namespace OperatorOne.Data.ApiKeys;

internal sealed class ApiKeysModel : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.HasOne<Member>().WithMany().HasForeignKey(k => k.MemberId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(k => k.Role).HasConversion<string>().HasMaxLength(16);
        builder.Property(k => k.Name).HasMaxLength(200);
        builder.HasIndex(k => k.OrganizationId);
    }
}
