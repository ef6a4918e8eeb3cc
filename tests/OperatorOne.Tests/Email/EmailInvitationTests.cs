using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OperatorOne.Tests.AdminApi;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.Email;

/// <summary>An invitation reaches the person by mail, whether made in the admin API or in chat, and says so.</summary>
[Collection(EmailCollection.Name)]
public sealed class EmailInvitationTests(EmailFixture fixture)
{
    private MailServers Mail => fixture.Mail;

    [Fact]
    public async Task AnInvitationMadeInTheAdminApiIsMailedWithItsLinkAndRecordedAsEmailed()
    {
        var org = await EmailOrganization.CreateAsync(fixture);
        var dana = org.Outsider("dana");
        using var owner = await AdminKeys.ClientAsync(fixture.Host, org.Organization, "owner");

        var created = await owner.PostAsJsonAsync($"{AdminKeys.Base(org.Organization)}/invitations", new { email = dana, role = "member" });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var invitation = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("invitation");
        Assert.Equal(JsonValueKind.String, invitation.GetProperty("emailedAt").ValueKind);
        var link = invitation.GetProperty("link").GetString()!;
        var mail = await Mail.WaitForMailAsync(dana, m => m.Subject?.Contains("invited you to join") == true);
        Assert.Equal(org.Support, mail.From.Mailboxes.Single().Address);
        Assert.Contains(link, mail.TextBody, StringComparison.Ordinal);
        Assert.Contains($"href=\"{link}\"", mail.HtmlBody, StringComparison.Ordinal);
        var stored = await fixture.Host.InOrganizationAsync(org.Id, db => db.Invitations.AsNoTracking().SingleAsync(i => i.Email == dana));
        Assert.NotNull(stored.EmailedAt);
    }

    [Fact]
    public async Task AnInvitationMadeInChatIsMailedAndTheAdminIsToldSo()
    {
        var org = await EmailOrganization.CreateAsync(fixture);
        var erin = org.Outsider("erin");
        using var admin = await Chat.StartAsync(fixture.Host, org.Organization, "admin");

        await admin.Send($"invite {erin} as a member");

        await admin.ExpectReply("I've emailed them this link");
        var mail = await Mail.WaitForMailAsync(erin, m => m.Subject?.Contains("invited you to join") == true);
        Assert.Contains("/join", mail.TextBody, StringComparison.Ordinal);
        var stored = await fixture.Host.InOrganizationAsync(org.Id, db => db.Invitations.AsNoTracking().SingleAsync(i => i.Email == erin));
        Assert.NotNull(stored.EmailedAt);
    }
}
