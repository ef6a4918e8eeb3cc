using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OperatorOne.Data.Organizations;

namespace OperatorOne.Data.Recognition;

internal sealed class RecognitionModel : IEntityTypeConfiguration<RecognitionMiss>
{
    public void Configure(EntityTypeBuilder<RecognitionMiss> builder)
    {
        builder.ToTable("recognition_misses");
        builder.HasOne<Organization>().WithMany().HasForeignKey(m => m.OrganizationId);
        builder.Property(m => m.Channel).HasMaxLength(32);
        builder.Property(m => m.Text).HasMaxLength(500);
        builder.Property(m => m.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.Guesses).HasMaxLength(500);
        builder.Property(m => m.ChosenTool).HasMaxLength(100);
        builder.HasIndex(m => new { m.OrganizationId, m.CreatedAt });
    }
}
