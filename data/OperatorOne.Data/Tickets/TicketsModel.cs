using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NpgsqlTypes;
using OperatorOne.Data.Conversations;
using OperatorOne.Data.Members;
using OperatorOne.Data.Organizations;

namespace OperatorOne.Data.Tickets;

internal sealed class TicketsModel : IEntityTypeConfiguration<Ticket>, IEntityTypeConfiguration<TicketComment>
{
    public const string SearchVector = "SearchVector";

    public void Configure(EntityTypeBuilder<Ticket> builder)
    {
        builder.HasOne<Organization>().WithMany().HasForeignKey(t => t.OrganizationId);
        builder.HasOne<Member>().WithMany().HasForeignKey(t => t.AssigneeId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Member>().WithMany().HasForeignKey(t => t.RequesterId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Conversation>().WithMany().HasForeignKey(t => t.RequesterConversationId).OnDelete(DeleteBehavior.SetNull);
        builder.Property(t => t.Title).HasMaxLength(300);
        builder.Property(t => t.Priority).HasConversion<string>().HasMaxLength(16);
        builder.Property(t => t.Status).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(t => new { t.OrganizationId, t.Number }).IsUnique();
        builder.HasIndex(t => new { t.OrganizationId, t.Status });
        // "search tickets for printer": title and description as english words, indexed for the search.
        builder.Property<NpgsqlTsVector>(SearchVector).HasComputedColumnSql(
            "setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', description), 'B')", stored: true);
        builder.HasIndex(SearchVector).HasMethod("gin");
        builder.HasMany(t => t.Comments).WithOne().HasForeignKey(c => c.TicketId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<TicketComment> builder)
    {
        builder.Property(c => c.Text).HasMaxLength(4000);
    }
}
