using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OperatorOne.Data.Organizations;

internal sealed class OrganizationModel : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> builder)
    {
        builder.Property(o => o.Name).HasMaxLength(200);
        builder.Property(o => o.TimeZone).HasMaxLength(64).HasDefaultValue("UTC");
        builder.Property(o => o.Country).HasMaxLength(2).HasDefaultValue("US");
        builder.Property(o => o.LlmModel).HasMaxLength(200);
        builder.Property(o => o.LlmMonthlyCostUsd).HasPrecision(12, 4);
        builder.Property(o => o.RiskyWriteApproverRole).HasConversion<string>().HasMaxLength(16);
        builder.Property(o => o.AdminApproverRole).HasConversion<string>().HasMaxLength(16);
    }
}
