using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.Teams;

/// <summary>The tickets skill driven from Teams: the same scripts as the web chat, over the Bot Framework protocol.</summary>
[Collection(TeamsCollection.Name)]
public sealed class TeamsTicketTests(TeamsBotHost host)
{
    [Fact]
    public async Task TicketIsCreatedOnceWhenTeamsRedeliversTheMessage()
    {
        var tenant = await TeamsTenant.CreateAsync(host.Bot);
        using var teams = new TeamsUser(host, tenant, "member");
        var activityId = TeamsUser.NewActivityId();

        await Task.WhenAll(teams.Send("open a ticket: printer on floor 2 is jammed", activityId),
            teams.Send("open a ticket: printer on floor 2 is jammed", activityId));
        await teams.Send("open a ticket: printer on floor 2 is jammed", activityId);

        await teams.ExpectReply("#1");
        await host.Bot.SettledAsync(tenant.Organization.Id);
        var tickets = await host.Bot.InOrganizationAsync(tenant.Organization.Id, db => Task.FromResult(db.Tickets.Count()));
        Assert.Equal(1, tickets);
        Assert.Single(teams.Calls);
    }

    [Fact]
    public async Task MemberDeletesATicketAfterAnAdminApprovesOnTheTeamsCard()
    {
        var tenant = await TeamsTenant.CreateAsync(host.Bot);
        using var member = new TeamsUser(host, tenant, "member");
        using var admin = new TeamsUser(host, tenant, "admin");
        Assert.Equal(HttpStatusCode.OK, (await admin.Post(admin.Payload("conversation-update-bot-added"))).StatusCode);
        await admin.ExpectReply("Hi Ada");

        await member.Send("open a ticket: old laptop to recycle");
        await member.ExpectReply("#1");
        await member.Send("delete ticket 1");
        await member.ExpectReply("approval");
        var card = (await admin.ExpectCard("Action.Execute")).Card!;
        var approvalId = card["actions"]![0]!["data"]!["approvalId"]!.GetValue<string>();

        using var response = await admin.Post(admin.Payload("invoke-adaptive-card-action", new Dictionary<string, string>
        {
            ["approvalId"] = approvalId, ["verb"] = "approve", ["replyToId"] = "msg-1",
        }));

        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", body["type"]!.GetValue<string>());
        Assert.Contains("Approved by Ada Admin", body["value"]!.ToJsonString(), StringComparison.Ordinal);
        await member.ExpectReply("was approved by Ada Admin");
        var tickets = await host.Bot.InOrganizationAsync(tenant.Organization.Id, db => Task.FromResult(db.Tickets.Count()));
        Assert.Equal(0, tickets);
    }
}
