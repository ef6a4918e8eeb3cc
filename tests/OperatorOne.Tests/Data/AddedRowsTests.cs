using Microsoft.EntityFrameworkCore;
using OperatorOne.Data;
using OperatorOne.Data.Audit;
using OperatorOne.Data.Conversations;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.Data;

/// <summary>
/// A unit of work's added rows written as one statement (a turn's last save): every row lands, the keys the database
/// generates come back into the entities, the rows count as saved, and a failure is what SaveChanges would throw, with
/// nothing written.
/// </summary>
[Collection(BotCollection.Name)]
public sealed class AddedRowsTests(BotHost host)
{
    [Fact]
    public async Task AddedRowsOfSeveralTablesLandInOneStatementWithTheirGeneratedKeys()
    {
        var org = await TestOrganization.CreateAsync(host);
        var conversationId = await NewConversationAsync(org);

        var (messages, audit) = await host.InOrganizationAsync(org.Id, async db =>
        {
            var added = new[] { Message(org, conversationId, "first"), Message(org, conversationId, "second") };
            db.TranscriptMessages.AddRange(added);
            var recorded = new AuditEvent { OrganizationId = org.Id, ConversationId = conversationId, Kind = "test", Outcome = "ok", CreatedAt = DateTimeOffset.UtcNow };
            db.AuditEvents.Add(recorded);
            await db.InsertAddedAsync(CancellationToken.None);
            Assert.All(db.ChangeTracker.Entries(), e => Assert.Equal(EntityState.Unchanged, e.State));
            Assert.Equal(0, await db.SaveChangesAsync());
            return (added, recorded);
        });

        Assert.True(messages[0].Id > 0 && messages[1].Id > 0 && messages[0].Id != messages[1].Id);
        var stored = await host.InOrganizationAsync(org.Id, db => db.TranscriptMessages.AsNoTracking()
            .Where(m => m.ConversationId == conversationId).OrderBy(m => m.Id).Select(m => new { m.Id, m.Text, m.Direction }).ToListAsync());
        Assert.Equal(new[] { (Id: messages[0].Id, Text: "first"), (Id: messages[1].Id, Text: "second") }, stored.Select(m => (m.Id, m.Text)));
        Assert.All(stored, m => Assert.Equal(MessageDirection.Outbound, m.Direction));
        Assert.True(await host.InOrganizationAsync(org.Id, db => db.AuditEvents.AnyAsync(a => a.Id == audit.Id && a.Kind == "test")));
    }

    [Fact]
    public async Task ARowThatBreaksAConstraintFailsAsSaveChangesWouldAndWritesNothing()
    {
        var org = await TestOrganization.CreateAsync(host);
        var conversationId = await NewConversationAsync(org);

        await host.InOrganizationAsync(org.Id, async db =>
        {
            db.TranscriptMessages.AddRange(Message(org, conversationId, "kept back"), Message(org, Guid.NewGuid(), "nowhere"));
            await Assert.ThrowsAsync<DbUpdateException>(() => db.InsertAddedAsync(CancellationToken.None));
            return 0;
        });

        Assert.False(await host.InOrganizationAsync(org.Id, db => db.TranscriptMessages.AnyAsync(m => m.ConversationId == conversationId)));
    }

    private static TranscriptMessage Message(TestOrganization org, Guid conversationId, string text) => new()
    {
        OrganizationId = org.Id, ConversationId = conversationId, Direction = MessageDirection.Outbound, Text = text,
        Activity = $$"""{"type":"message","text":"{{text}}"}""", CreatedAt = DateTimeOffset.UtcNow,
    };

    private Task<Guid> NewConversationAsync(TestOrganization org) => host.InOrganizationAsync(org.Id, async db =>
    {
        var conversation = new Conversation
        {
            Id = Guid.NewGuid(), OrganizationId = org.Id, Channel = "webchat", ExternalId = $"added-{Guid.NewGuid():N}", Reference = "{}",
            CreatedAt = DateTimeOffset.UtcNow, LastActivityAt = DateTimeOffset.UtcNow,
        };
        db.Conversations.Add(conversation);
        await db.SaveChangesAsync();
        return conversation.Id;
    });
}
