using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OperatorOne.Data.Members;
using OperatorOne.Data.Organizations;
using OperatorOne.Data.Tickets;

namespace OperatorOne.Data.ServiceDesk;

internal sealed class ServiceDeskModel :
    IEntityTypeConfiguration<SupportQueue>, IEntityTypeConfiguration<QueueMember>, IEntityTypeConfiguration<TicketCategory>,
    IEntityTypeConfiguration<PriorityRule>, IEntityTypeConfiguration<SlaPolicy>, IEntityTypeConfiguration<BusinessHours>,
    IEntityTypeConfiguration<Holiday>, IEntityTypeConfiguration<TicketSla>, IEntityTypeConfiguration<SlaNotice>
{
    public void Configure(EntityTypeBuilder<SupportQueue> builder)
    {
        builder.HasOne<Organization>().WithMany().HasForeignKey(q => q.OrganizationId);
        builder.Property(q => q.Name).HasMaxLength(100);
        builder.HasIndex(q => new { q.OrganizationId, q.Name }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<QueueMember> builder)
    {
        builder.HasOne<SupportQueue>().WithMany().HasForeignKey(m => m.QueueId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Member>().WithMany().HasForeignKey(m => m.MemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => new { m.QueueId, m.MemberId }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<TicketCategory> builder)
    {
        builder.HasOne<Organization>().WithMany().HasForeignKey(c => c.OrganizationId);
        builder.HasOne<SupportQueue>().WithMany().HasForeignKey(c => c.QueueId).OnDelete(DeleteBehavior.SetNull);
        builder.Property(c => c.Name).HasMaxLength(100);
        builder.HasIndex(c => new { c.OrganizationId, c.Name }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<PriorityRule> builder)
    {
        builder.HasOne<Organization>().WithMany().HasForeignKey(r => r.OrganizationId);
        builder.Property(r => r.Keyword).HasMaxLength(100);
        builder.Property(r => r.Priority).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(r => new { r.OrganizationId, r.Keyword }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<SlaPolicy> builder)
    {
        builder.HasOne<Organization>().WithMany().HasForeignKey(p => p.OrganizationId);
        builder.Property(p => p.Priority).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(p => new { p.OrganizationId, p.Priority }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<BusinessHours> builder)
    {
        builder.HasKey(h => h.OrganizationId);
        builder.HasOne<Organization>().WithOne().HasForeignKey<BusinessHours>(h => h.OrganizationId);
        builder.Property(h => h.TimeZone).HasMaxLength(64);
    }

    public void Configure(EntityTypeBuilder<Holiday> builder)
    {
        builder.HasOne<Organization>().WithMany().HasForeignKey(h => h.OrganizationId);
        builder.Property(h => h.Name).HasMaxLength(100);
        builder.HasIndex(h => new { h.OrganizationId, h.Date }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<TicketSla> builder)
    {
        builder.HasKey(s => s.TicketId);
        builder.HasOne<Ticket>().WithOne().HasForeignKey<TicketSla>(s => s.TicketId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<SupportQueue>().WithMany().HasForeignKey(s => s.QueueId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(s => new { s.OrganizationId, s.ResolutionWarnAt });
    }

    public void Configure(EntityTypeBuilder<SlaNotice> builder)
    {
        builder.HasOne<Ticket>().WithMany().HasForeignKey(n => n.TicketId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(n => n.Target).HasMaxLength(32);
        builder.Property(n => n.Threshold).HasMaxLength(16);
        builder.HasIndex(n => new { n.TicketId, n.Target, n.Threshold }).IsUnique();
    }
}
