using Microsoft.EntityFrameworkCore;
using OperatorOne.Data.ServiceDesk;
using OperatorOne.Data.Tickets;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.ServiceDesk;

/// <summary>
/// Opening a ticket reuses the service desk settings it read before while their version (read by every opening turn)
/// is unchanged. A change made where this process hears nothing of it — another replica, the database itself — must
/// reach the very next ticket: a new category, changed keywords, a new SLA target.
/// </summary>
[Collection(BotCollection.Name)]
public sealed class DeskSettingsVersionTests(BotHost host)
{
    [Fact]
    public async Task ASettingChangedBehindThisReplicasBackShapesTheNextTicket()
    {
        var org = await TestOrganization.CreateAsync(host);
        using var chat = await Chat.StartAsync(host, org, "member");
        Assert.DoesNotContain("Triage suggests", await OpenAsync(chat, "the vpn drops every hour"));
        var categoryId = Guid.NewGuid();

        await host.InOrganizationAsync(org.Id, db =>
        {
            db.TicketCategories.Add(new TicketCategory
            {
                Id = categoryId, OrganizationId = org.Id, Name = "network", Keywords = ["vpn"], CreatedAt = DateTimeOffset.UtcNow,
            });
            return db.SaveChangesAsync();
        });
        Assert.Contains("Triage suggests category network", await OpenAsync(chat, "the vpn drops again"));

        await host.InOrganizationAsync(org.Id, db => db.TicketCategories.Where(c => c.Id == categoryId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Keywords, new List<string> { "wifi" })));
        Assert.DoesNotContain("Triage suggests", await OpenAsync(chat, "the vpn drops once more"));

        await host.InOrganizationAsync(org.Id, db =>
        {
            foreach (var priority in Enum.GetValues<TicketPriority>())
            {
                db.SlaPolicies.Add(new SlaPolicy
                {
                    Id = Guid.NewGuid(), OrganizationId = org.Id, Priority = priority, FirstResponse = TimeSpan.FromMinutes(7), Resolution = TimeSpan.FromMinutes(70),
                });
            }
            return db.SaveChangesAsync();
        });
        await OpenAsync(chat, "the printer is jammed");

        var newest = await host.InOrganizationAsync(org.Id, db => (
            from t in db.Tickets
            join s in db.TicketSlas on t.Id equals s.TicketId
            orderby t.Number descending
            select new { t.CreatedAt, s.ResolutionDueAt }).FirstAsync());
        Assert.Equal(newest.CreatedAt + TimeSpan.FromMinutes(70), newest.ResolutionDueAt);
    }

    private static async Task<string> OpenAsync(Chat chat, string problem)
    {
        var sent = await chat.Send($"open a ticket: {problem}");
        var reply = await chat.ExpectAnswerTo(sent, TimeSpan.FromSeconds(60));
        var text = reply["text"]!.GetValue<string>();
        Assert.Contains("#", text, StringComparison.Ordinal);
        return text;
    }
}
