using Microsoft.EntityFrameworkCore;
using OperatorOne.Data.Integrations;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.AdminSkill;

/// <summary>Admin-tier integration changes name a webhook or a custom tool: one that does not exist is answered at once, and no admin is asked to approve it.</summary>
[Collection(BotCollection.Name)]
public sealed class MissingIntegrationTests(BotHost host)
{
    [Theory]
    [InlineData("remove webhook 999", "There is no webhook 999")]
    [InlineData("remove the custom tool no_such_tool", "There is no custom tool called no_such_tool")]
    [InlineData("set the tier of no_such_tool to risky", "There is no custom tool called no_such_tool")]
    [InlineData("switch off the custom tool no_such_tool", "There is no custom tool called no_such_tool")]
    public async Task AChangeToAMissingIntegrationIsAnsweredAndAsksNobody(string text, string answer)
    {
        var org = await TestOrganization.CreateAsync(host);
        using var ada = await Chat.StartAsync(host, org, "admin");

        await ada.Send(text);
        await ada.ExpectReply(answer);

        Assert.Equal(0, await host.InOrganizationAsync(org.Id, db => db.ApprovalRequests.CountAsync()));
    }

    [Fact]
    public async Task RemovingAWebhookThatExistsStillWaitsForAnotherAdmin()
    {
        var org = await TestOrganization.CreateAsync(host);
        await host.InOrganizationAsync(org.Id, db =>
        {
            db.WebhookSubscriptions.Add(new WebhookSubscription
            {
                Id = Guid.NewGuid(), OrganizationId = org.Id, Number = 2, Url = "https://hooks.example.com/in", Events = ["ticket.created"],
                SigningSecretCipher = [1, 2, 3], CreatedAt = DateTimeOffset.UtcNow,
            });
            return db.SaveChangesAsync();
        });
        using var ada = await Chat.StartAsync(host, org, "admin");

        await ada.Send("remove webhook 2");
        await ada.ExpectReply("needs approval");

        Assert.Equal(1, await host.InOrganizationAsync(org.Id, db => db.ApprovalRequests.CountAsync()));
        Assert.True(await host.InOrganizationAsync(org.Id, db => db.WebhookSubscriptions.AnyAsync(s => s.Number == 2)));
    }
}
