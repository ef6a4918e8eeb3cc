using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OperatorOne.Data.Organizations;

namespace OperatorOne.Data.Channels;

internal sealed class ChannelInstallationModel : IEntityTypeConfiguration<ChannelInstallation>
{
    public void Configure(EntityTypeBuilder<ChannelInstallation> builder)
    {
        builder.HasOne<Organization>().WithMany().HasForeignKey(i => i.OrganizationId);
        // One organization per Teams tenant / Slack team / number / site, across all organizations.
        builder.HasIndex(i => new { i.Channel, i.ExternalId }).IsUnique();
    }
}
