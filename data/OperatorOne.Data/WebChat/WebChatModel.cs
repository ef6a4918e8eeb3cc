using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OperatorOne.Data.Organizations;

namespace OperatorOne.Data.WebChat;

internal sealed class WebChatModel :
    IEntityTypeConfiguration<DirectLineConversation>,
    IEntityTypeConfiguration<DirectLineActivity>
{
    public void Configure(EntityTypeBuilder<DirectLineConversation> builder)
    {
        builder.HasOne<Organization>().WithMany().HasForeignKey(c => c.OrganizationId);
        builder.Property(c => c.Id).HasMaxLength(64);
        builder.Property(c => c.SiteId).HasMaxLength(200);
        builder.Property(c => c.UserId).HasMaxLength(200);
        builder.Property(c => c.UserName).HasMaxLength(200);
    }

    public void Configure(EntityTypeBuilder<DirectLineActivity> builder)
    {
        builder.HasOne<Organization>().WithMany().HasForeignKey(a => a.OrganizationId);
        builder.HasOne<DirectLineConversation>().WithMany().HasForeignKey(a => a.ConversationId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(a => a.ActivityId).HasMaxLength(100);
        builder.Property(a => a.ClientActivityId).HasMaxLength(100);
        builder.Property(a => a.Activity).HasColumnType("jsonb");
        builder.HasIndex(a => new { a.ConversationId, a.Sequence }).IsUnique();
        // A re-posted client activity maps to the entry already taken in, never to a second echo.
        builder.HasIndex(a => new { a.ConversationId, a.ClientActivityId }).IsUnique().HasFilter("client_activity_id IS NOT NULL");
    }
}
