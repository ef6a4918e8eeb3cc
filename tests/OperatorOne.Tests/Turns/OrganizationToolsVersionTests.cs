using Microsoft.EntityFrameworkCore;
using OperatorOne.Data.Integrations;
using OperatorOne.Data.Members;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.Turns;

/// <summary>
/// A turn reuses the organization's own tools it built before while their version (read in the turn's first statement)
/// is unchanged. A change made where this process hears nothing of it — another replica, the database itself — must
/// reach the very next turn: a rephrased tool, a disabled one.
/// </summary>
[Collection(BotCollection.Name)]
public sealed class OrganizationToolsVersionTests(BotHost host)
{
    [Fact]
    public async Task AToolChangedBehindThisReplicasBackShowsInTheNextTurn()
    {
        var org = await TestOrganization.CreateAsync(host);
        var toolId = Guid.NewGuid();
        await host.InOrganizationAsync(org.Id, db =>
        {
            var now = DateTimeOffset.UtcNow;
            db.CustomTools.Add(new CustomTool
            {
                Id = toolId, OrganizationId = org.Id, Name = "parcel_status", Description = "Track a parcel", Method = "GET",
                UrlTemplate = "https://parcels.example/track/{parcel_id}",
                ParametersSchema = """{"type":"object","properties":{"parcel_id":{"type":"string","description":"The parcel number"}},"required":["parcel_id"]}""",
                Tier = "ReadOnly", MinimumRole = MemberRole.Member, Phrasings = ["where is parcel {parcel_id}"], SigningSecretCipher = [1, 2, 3],
                CreatedAt = now, UpdatedAt = now,
            });
            return db.SaveChangesAsync();
        });
        using var chat = await Chat.StartAsync(host, org, "member");
        Assert.Contains("where is parcel [parcel id]", await HelpAsync(chat));

        await host.InOrganizationAsync(org.Id, db => db.CustomTools.Where(t => t.Id == toolId)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Phrasings, new List<string> { "track parcel {parcel_id}" })));
        var rephrased = await HelpAsync(chat);
        Assert.Contains("track parcel [parcel id]", rephrased);
        Assert.DoesNotContain("where is parcel", rephrased);

        await host.InOrganizationAsync(org.Id, db => db.CustomTools.Where(t => t.Id == toolId)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.IsEnabled, false)));
        Assert.DoesNotContain("parcel", await HelpAsync(chat));
    }

    private static async Task<string> HelpAsync(Chat chat)
    {
        var sent = await chat.Send("help");
        var reply = await chat.ExpectAnswerTo(sent, TimeSpan.FromSeconds(60));
        return reply["text"]!.GetValue<string>();
    }
}
