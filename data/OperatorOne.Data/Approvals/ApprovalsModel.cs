using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OperatorOne.Data.Conversations;
using OperatorOne.Data.Members;
using OperatorOne.Data.Organizations;

namespace OperatorOne.Data.Approvals;

internal sealed class ApprovalsModel : IEntityTypeConfiguration<ApprovalRequest>, IEntityTypeConfiguration<ApprovalCardCopy>
{
    public void Configure(EntityTypeBuilder<ApprovalRequest> builder)
    {
        builder.HasOne<Organization>().WithMany().HasForeignKey(a => a.OrganizationId);
        builder.HasOne<Member>().WithMany().HasForeignKey(a => a.RequestedById);
        builder.Property(a => a.Arguments).HasColumnType("jsonb");
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.RequiredRole).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(a => new { a.OrganizationId, a.Number }).IsUnique();
        builder.HasIndex(a => new { a.OrganizationId, a.Status });
    }

    public void Configure(EntityTypeBuilder<ApprovalCardCopy> builder)
    {
        builder.HasOne<ApprovalRequest>().WithMany().HasForeignKey(c => c.ApprovalRequestId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Conversation>().WithMany().HasForeignKey(c => c.ConversationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.ApprovalRequestId, c.ConversationId }).IsUnique();
        builder.Property(c => c.Channel).HasMaxLength(32);
    }
}
