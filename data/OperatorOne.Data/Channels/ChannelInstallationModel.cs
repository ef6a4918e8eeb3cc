using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OperatorOne.Data.Organizations;

namespace OperatorOne.Data.Channels;

internal sealed class ChannelInstallationModel : IEntityTypeConfiguration<ChannelInstallation>
{
    /// <summary>The index that refuses a second proven owner of the same channel id.</summary>
    public const string VerifiedIndex = "ix_channel_installations_channel_external_id_verified";

    public void Configure(EntityTypeBuilder<ChannelInstallation> builder)
    {
        builder.HasOne<Organization>().WithMany().HasForeignKey(i => i.OrganizationId);
        // One organization per proven Teams tenant / Slack team / number / site, across all organizations; pending claims
        // may coexist (one per organization), so a claim never reveals another organization's.
        builder.HasIndex(i => new { i.Channel, i.ExternalId }).IsUnique().HasFilter("verified_at IS NOT NULL").HasDatabaseName(VerifiedIndex);
        builder.HasIndex(i => new { i.OrganizationId, i.Channel, i.ExternalId }).IsUnique();
        builder.Property(i => i.Proof).HasMaxLength(32);
        builder.Property(i => i.PendingReason).HasMaxLength(500);
    }
}
