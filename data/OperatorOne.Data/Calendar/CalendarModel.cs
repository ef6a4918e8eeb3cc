using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OperatorOne.Data.Members;
using OperatorOne.Data.Organizations;

namespace OperatorOne.Data.Calendar;

internal sealed class CalendarModel :
    IEntityTypeConfiguration<EventCalendar>, IEntityTypeConfiguration<CalendarMember>, IEntityTypeConfiguration<CalendarEvent>,
    IEntityTypeConfiguration<EventAttendee>, IEntityTypeConfiguration<EventReminder>, IEntityTypeConfiguration<MemberWorkingHours>,
    IEntityTypeConfiguration<CalendarFeed>
{
    public void Configure(EntityTypeBuilder<EventCalendar> builder)
    {
        builder.HasOne<Organization>().WithMany().HasForeignKey(c => c.OrganizationId);
        builder.HasOne<Member>().WithMany().HasForeignKey(c => c.OwnerId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Name).HasMaxLength(100);
        // Team calendars are named in chat ("the marketing calendar"); personal ones are found by owner.
        builder.HasIndex(c => new { c.OrganizationId, c.Name }).IsUnique().HasFilter("kind = 'Team'");
        builder.HasIndex(c => c.OwnerId).IsUnique();
    }

    public void Configure(EntityTypeBuilder<CalendarMember> builder)
    {
        builder.HasOne<EventCalendar>().WithMany().HasForeignKey(m => m.CalendarId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Member>().WithMany().HasForeignKey(m => m.MemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => new { m.CalendarId, m.MemberId }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<CalendarEvent> builder)
    {
        builder.HasOne<Organization>().WithMany().HasForeignKey(e => e.OrganizationId);
        builder.HasOne<EventCalendar>().WithMany().HasForeignKey(e => e.CalendarId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Member>().WithMany().HasForeignKey(e => e.OrganizerId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(e => e.Title).HasMaxLength(200);
        builder.Property(e => e.Location).HasMaxLength(200);
        builder.Property(e => e.Notes).HasMaxLength(2000);
        builder.Property(e => e.Recurrence).HasMaxLength(200);
        builder.HasIndex(e => new { e.OrganizationId, e.SeriesId });
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(e => new { e.OrganizationId, e.Number }).IsUnique();
        builder.HasIndex(e => new { e.OrganizationId, e.StartsAt });
    }

    public void Configure(EntityTypeBuilder<EventAttendee> builder)
    {
        builder.HasOne<CalendarEvent>().WithMany().HasForeignKey(a => a.EventId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Member>().WithMany().HasForeignKey(a => a.MemberId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(a => a.Response).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(a => new { a.EventId, a.MemberId }).IsUnique();
        builder.HasIndex(a => new { a.OrganizationId, a.MemberId });
    }

    public void Configure(EntityTypeBuilder<EventReminder> builder)
    {
        builder.HasOne<CalendarEvent>().WithMany().HasForeignKey(r => r.EventId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Member>().WithMany().HasForeignKey(r => r.MemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.EventId, r.MemberId, r.StartsAt }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<CalendarFeed> builder)
    {
        builder.HasOne<Organization>().WithMany().HasForeignKey(f => f.OrganizationId);
        builder.HasOne<Member>().WithMany().HasForeignKey(f => f.MemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(f => new { f.OrganizationId, f.MemberId });
    }

    public void Configure(EntityTypeBuilder<MemberWorkingHours> builder)
    {
        builder.ToTable("member_working_hours");
        builder.HasOne<Organization>().WithMany().HasForeignKey(h => h.OrganizationId);
        builder.HasOne<Member>().WithMany().HasForeignKey(h => h.MemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(h => h.MemberId).IsUnique();
    }
}
