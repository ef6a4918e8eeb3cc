using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OperatorOne.Data.Members;
using OperatorOne.Data.Organizations;

namespace OperatorOne.Data.Crm;

/// <summary>Names carry trigram GIN indexes so fuzzy look-ups ("Dana from Acme") stay fast on large books.</summary>
internal sealed class CrmModel :
    IEntityTypeConfiguration<Company>, IEntityTypeConfiguration<Contact>, IEntityTypeConfiguration<Lead>,
    IEntityTypeConfiguration<Deal>, IEntityTypeConfiguration<CrmActivity>
{
    public void Configure(EntityTypeBuilder<Company> builder)
    {
        builder.HasOne<Organization>().WithMany().HasForeignKey(c => c.OrganizationId);
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(c => c.Name).HasMethod("gin").HasOperators("gin_trgm_ops");
    }

    public void Configure(EntityTypeBuilder<Contact> builder)
    {
        builder.HasOne<Organization>().WithMany().HasForeignKey(c => c.OrganizationId);
        builder.HasOne<Company>().WithMany().HasForeignKey(c => c.CompanyId).OnDelete(DeleteBehavior.SetNull);
        builder.Property(c => c.FullName).HasMaxLength(200);
        builder.Property(c => c.Email).HasMaxLength(320);
        builder.Property(c => c.Phone).HasMaxLength(40);
        builder.HasIndex(c => c.FullName).HasMethod("gin").HasOperators("gin_trgm_ops");
    }

    public void Configure(EntityTypeBuilder<Lead> builder)
    {
        builder.HasOne<Organization>().WithMany().HasForeignKey(l => l.OrganizationId);
        builder.HasOne<Member>().WithMany().HasForeignKey(l => l.OwnerId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Company>().WithMany().HasForeignKey(l => l.CompanyId).OnDelete(DeleteBehavior.SetNull);
        builder.Property(l => l.Name).HasMaxLength(200);
        builder.Property(l => l.CompanyName).HasMaxLength(200);
        builder.Property(l => l.Stage).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(l => l.Name).HasMethod("gin").HasOperators("gin_trgm_ops");
    }

    public void Configure(EntityTypeBuilder<Deal> builder)
    {
        builder.HasOne<Organization>().WithMany().HasForeignKey(d => d.OrganizationId);
        builder.HasOne<Member>().WithMany().HasForeignKey(d => d.OwnerId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Company>().WithMany().HasForeignKey(d => d.CompanyId).OnDelete(DeleteBehavior.SetNull);
        builder.Property(d => d.Name).HasMaxLength(200);
        builder.Property(d => d.Value).HasPrecision(14, 2);
        builder.Property(d => d.Currency).HasMaxLength(3).IsFixedLength();
        builder.Property(d => d.Stage).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(d => new { d.OrganizationId, d.OwnerId, d.ExpectedClose });
    }

    public void Configure(EntityTypeBuilder<CrmActivity> builder)
    {
        builder.HasOne<Organization>().WithMany().HasForeignKey(a => a.OrganizationId);
        builder.HasOne<Member>().WithMany().HasForeignKey(a => a.MemberId).OnDelete(DeleteBehavior.SetNull);
        // Activities go with the record they describe.
        builder.HasOne<Company>().WithMany().HasForeignKey(a => a.CompanyId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Contact>().WithMany().HasForeignKey(a => a.ContactId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Lead>().WithMany().HasForeignKey(a => a.LeadId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Deal>().WithMany().HasForeignKey(a => a.DealId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.Summary).HasMaxLength(2000);
    }
}
