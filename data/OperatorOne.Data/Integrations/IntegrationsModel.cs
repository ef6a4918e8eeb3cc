using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OperatorOne.Data.Organizations;

namespace OperatorOne.Data.Integrations;

internal sealed class IntegrationsModel : IEntityTypeConfiguration<CustomTool>, IEntityTypeConfiguration<WebhookSubscription>
{
    public void Configure(EntityTypeBuilder<CustomTool> builder)
    {
        builder.HasOne<Organization>().WithMany().HasForeignKey(t => t.OrganizationId);
        builder.Property(t => t.Name).HasMaxLength(48);
        builder.Property(t => t.Method).HasMaxLength(8);
        builder.Property(t => t.Tier).HasMaxLength(16);
        builder.Property(t => t.MinimumRole).HasConversion<string>().HasMaxLength(16);
        builder.Property(t => t.ParametersSchema).HasColumnType("jsonb");
        builder.Property(t => t.ResponseFormat).HasColumnType("jsonb");
        builder.Property(t => t.Version).IsRowVersion().HasColumnName("xmin");
        builder.HasIndex(t => new { t.OrganizationId, t.Name }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<WebhookSubscription> builder)
    {
        builder.HasOne<Organization>().WithMany().HasForeignKey(s => s.OrganizationId);
        builder.HasIndex(s => new { s.OrganizationId, s.Number }).IsUnique();
    }
}
