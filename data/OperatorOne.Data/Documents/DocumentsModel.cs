using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NpgsqlTypes;
using OperatorOne.Data.Members;
using OperatorOne.Data.Organizations;

namespace OperatorOne.Data.Documents;

/// <summary>
/// Documents carry a stored generated tsvector (title A, tags B, text C, english) with a GIN index, and a small one of
/// title and tags alone to order candidates by; tags go through
/// <c>op_tags_text</c>, an immutable wrapper the migration creates, because array_to_string is only stable.
/// </summary>
internal sealed class DocumentsModel :
    IEntityTypeConfiguration<Document>, IEntityTypeConfiguration<DocumentContent>,
    IEntityTypeConfiguration<Team>, IEntityTypeConfiguration<TeamMember>
{
    public const string SearchVector = "SearchVector";

    /// <summary>Title and tags alone: small and never TOASTed, so search can order thousands of matches by it cheaply.</summary>
    public const string TitleVector = "TitleVector";

    public void Configure(EntityTypeBuilder<Document> builder)
    {
        builder.HasOne<Organization>().WithMany().HasForeignKey(d => d.OrganizationId);
        builder.HasOne<Member>().WithMany().HasForeignKey(d => d.OwnerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Team>().WithMany().HasForeignKey(d => d.TeamId).OnDelete(DeleteBehavior.SetNull);
        builder.Property(d => d.Title).HasMaxLength(300);
        builder.Property(d => d.Tags).HasColumnType("text[]");
        builder.Property(d => d.Visibility).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.FileName).HasMaxLength(255);
        builder.Property(d => d.ContentType).HasMaxLength(100);
        builder.Property<NpgsqlTsVector>(SearchVector).HasComputedColumnSql(
            "setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', op_tags_text(tags)), 'B') || setweight(to_tsvector('english', text), 'C')",
            stored: true);
        builder.Property<NpgsqlTsVector>(TitleVector).HasComputedColumnSql(
            "setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', op_tags_text(tags)), 'B')",
            stored: true);
        builder.HasIndex(SearchVector).HasMethod("gin");
        builder.HasIndex(TitleVector).HasMethod("gin");
        builder.HasIndex(d => d.Tags).HasMethod("gin");
        builder.HasIndex(d => new { d.OrganizationId, d.OwnerId });
    }

    public void Configure(EntityTypeBuilder<DocumentContent> builder)
    {
        builder.HasKey(c => c.DocumentId);
        builder.HasOne<Document>().WithOne().HasForeignKey<DocumentContent>(c => c.DocumentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organization>().WithMany().HasForeignKey(c => c.OrganizationId);
    }

    public void Configure(EntityTypeBuilder<Team> builder)
    {
        builder.HasOne<Organization>().WithMany().HasForeignKey(t => t.OrganizationId);
        builder.Property(t => t.Name).HasMaxLength(100);
        builder.HasIndex(t => new { t.OrganizationId, t.Name }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<TeamMember> builder)
    {
        builder.HasKey(m => new { m.TeamId, m.MemberId });
        builder.HasOne<Team>().WithMany().HasForeignKey(m => m.TeamId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Member>().WithMany().HasForeignKey(m => m.MemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organization>().WithMany().HasForeignKey(m => m.OrganizationId);
        builder.HasIndex(m => m.MemberId);
    }
}
