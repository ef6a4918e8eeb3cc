using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.Onboarding;

/// <summary>An admin invites by email in chat; the person claims the link once and chats in the web chat as that member.</summary>
[Collection(BotCollection.Name)]
public sealed partial class InvitationTests(BotHost host)
{
    [Fact]
    public async Task AnAdminInvitesInChatAndTheLinkSignsThePersonInAsThatMemberExactlyOnce()
    {
        var org = await TestOrganization.CreateAsync(host);
        using var admin = await Chat.StartAsync(host, org, "admin");

        await admin.Send("invite dana@example.com as a member");
        var reply = (await admin.ExpectReply("is invited as a member"))["text"]!.GetValue<string>();
        var token = JoinToken().Match(reply).Groups["token"].Value;
        var dana = await host.InOrganizationAsync(org.Id, db => db.Members.AsNoTracking().SingleAsync(m => m.Email == "dana@example.com"));

        using var http = host.CreateClient();
        using var page = await http.GetAsync($"/join/{token}");
        var pageText = await page.Content.ReadAsStringAsync();
        using var claim = await http.PostAsync($"/join/{token}", null);
        var welcome = await claim.Content.ReadAsStringAsync();
        using var secondClaim = await http.PostAsync($"/join/{token}", null);
        using var pageAfterwards = await http.GetAsync($"/join/{token}");
        var key = MemberKey().Match(welcome).Groups["key"].Value;
        using var signIn = await http.PostAsJsonAsync("/webchat/session/token", new { key });
        var session = (await signIn.Content.ReadFromJsonAsync<JsonObject>())!;
        using var forgedKey = await http.PostAsJsonAsync("/webchat/session/token", new { key = key[..^4] + "AAAA" });

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Dana", pageText, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, claim.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, secondClaim.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, pageAfterwards.StatusCode);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.Equal("Dana", session["userName"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Unauthorized, forgedKey.StatusCode);
        Assert.Equal(OperatorOne.Data.Members.MemberRole.Member, dana.Role);

        using var chat = await Chat.StartWithTokenAsync(host, session["token"]!.GetValue<string>(), session["userId"]!.GetValue<string>());
        await chat.Send("help");
        await chat.ExpectReply("(as member)");
        await chat.Send("open a ticket: my laptop will not start");
        await chat.ExpectReply("#");
        var requester = await host.InOrganizationAsync(org.Id,
            db => db.Tickets.Where(t => t.Title.Contains("laptop will not start")).Select(t => t.RequesterId).SingleAsync());
        Assert.Equal(dana.Id, requester);
    }

    [Fact]
    public async Task AMemberCannotInviteAndAnAdminCannotInviteAnOwner()
    {
        var org = await TestOrganization.CreateAsync(host);
        using var member = await Chat.StartAsync(host, org, "member");
        using var admin = await Chat.StartAsync(host, org, "admin");

        await member.Send("invite erin@example.com as a member");
        await member.ExpectReply("admin or above");
        await admin.Send("invite frank@example.com as an owner");
        await admin.ExpectReply("above your own role");

        var invited = await host.InOrganizationAsync(org.Id, db => db.Members.CountAsync(m => m.Email == "erin@example.com" || m.Email == "frank@example.com"));
        Assert.Equal(0, invited);
    }

    [GeneratedRegex(@"/join/(?<token>[0-9a-f]{32}\.[0-9a-f]{32}\.[A-Za-z0-9_-]+)")]
    private static partial Regex JoinToken();

    [GeneratedRegex("data-key=\"(?<key>[^\"]+)\"")]
    private static partial Regex MemberKey();
}
