using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.Teams;

/// <summary>One person in a conversation with the bot, on whatever channel: the steps a script is written in.</summary>
public interface IChatScript : IDisposable
{
    Task Send(string text);

    Task ExpectReply(string fragment);

    /// <summary>Waits for an approval card and returns the request's id.</summary>
    Task<string> ExpectApprovalCard();

    /// <summary>Clicks Approve on the card, the way this channel delivers the click.</summary>
    Task Approve(string approvalId);
}

/// <summary>The ticket conversation every channel must pass, written once.</summary>
internal static class TicketScript
{
    /// <summary>The member works through a ticket's life; deleting one needs an admin's approval, and the member hears the outcome.</summary>
    public static async Task RunAsync(Func<string, Task<IChatScript>> join, BotHost host, Guid organizationId)
    {
        using var admin = await join("admin");
        using var member = await join("member");

        await member.Send("open a ticket: printer on floor 2 is jammed");
        await member.ExpectReply("#1");
        await member.Send("new ticket about VPN, high priority");
        await member.ExpectReply("#2");
        await member.Send("show my tickets");
        await member.ExpectReply("VPN");
        await member.Send("what's the status of #2");
        await member.ExpectReply("high");
        await member.Send("assign 1 to ada");
        await member.ExpectReply("Ada Admin");
        await member.Send("comment on 1: rebooted it");
        await member.ExpectReply("#1");
        await member.Send("close ticket 1");
        await member.ExpectReply("Closed");
        await member.Send("delete ticket 2");
        await member.ExpectReply("approval");

        var approvalId = await admin.ExpectApprovalCard();
        await admin.Approve(approvalId);

        await member.ExpectReply("was approved by Ada Admin");
        var numbers = await host.InOrganizationAsync(organizationId, db => db.Tickets.Select(t => t.Number).ToListAsync());
        Assert.Equal([1], numbers);
    }
}

/// <summary>The script over Direct Line, as the web chat speaks it.</summary>
internal sealed class WebChatScript(Chat chat) : IChatScript
{
    public static async Task<IChatScript> JoinAsync(BotHost host, TestOrganization organization, string handle) =>
        new WebChatScript(await Chat.StartAsync(host, organization, handle));

    public Task Send(string text) => chat.Send(text);

    public Task ExpectReply(string fragment) => chat.ExpectReply(fragment);

    public async Task<string> ExpectApprovalCard()
    {
        var card = await chat.ExpectCard("Approve");
        return card["attachments"]![0]!["content"]!["actions"]![0]!["data"]!["approvalId"]!.GetValue<string>();
    }

    public Task Approve(string approvalId) => chat.Submit(new JsonObject { ["approvalId"] = approvalId, ["decision"] = "approve" });

    public void Dispose() => chat.Dispose();
}

/// <summary>The script over the Bot Framework protocol, signed as Teams would, against the connector stand-in.</summary>
internal sealed class TeamsScript(TeamsUser user) : IChatScript
{
    public static async Task<IChatScript> JoinAsync(TeamsBotHost host, TeamsTenant tenant, string handle)
    {
        var user = new TeamsUser(host, tenant, handle);
        // Installing the app is how a Teams user starts; the welcome is their first message from the bot.
        Assert.Equal(HttpStatusCode.OK, (await user.Post(user.Payload("conversation-update-bot-added"))).StatusCode);
        await user.ExpectReply("Hi ");
        return new TeamsScript(user);
    }

    public Task Send(string text) => user.Send(text);

    public Task ExpectReply(string fragment) => user.ExpectReply(fragment);

    public async Task<string> ExpectApprovalCard()
    {
        var card = (await user.ExpectCard("Action.Execute")).Card!;
        return card["actions"]![0]!["data"]!["approvalId"]!.GetValue<string>();
    }

    public async Task Approve(string approvalId)
    {
        using var response = await user.Post(user.Payload("invoke-adaptive-card-action", new Dictionary<string, string>
        {
            ["approvalId"] = approvalId, ["verb"] = "approve", ["replyToId"] = "msg-1",
        }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", body["type"]!.GetValue<string>());
    }

    public void Dispose() => user.Dispose();
}
