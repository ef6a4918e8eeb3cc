using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using OperatorOne.Tests.Documents;

namespace OperatorOne.Tests.Teams;

/// <summary>Files attached in Teams become documents: file cards by their download URL, plain attachments from the connector.</summary>
[Collection(TeamsCollection.Name)]
public sealed class TeamsUploadTests(TeamsBotHost host)
{
    [Fact]
    public async Task TextFileSharedInTeamsBecomesAPrivateDocument()
    {
        var (tenant, teams) = await StartAsync();
        var key = $"{Guid.NewGuid():N}.txt";
        host.Cloud.Files[key] = ("Visitors sign in at the front desk and wear a badge."u8.ToArray(), "application/octet-stream");

        await SendAsync(teams, FileCard("visitor-policy.txt", host.Cloud.FileUrl(key)), "Visitor policy");

        await teams.ExpectReply("Saved [Visitor policy]");
        Assert.Contains("front desk", await StoredTextAsync(tenant, "member", "Visitor policy"), StringComparison.Ordinal);
        Assert.Contains(host.Cloud.FileRequests, r => r.Path.EndsWith(key, StringComparison.Ordinal) && r.Authorization.Length == 0);
    }

    [Fact]
    public async Task PdfAttachedFromTheConnectorIsFetchedWithTheBotsToken()
    {
        var (tenant, teams) = await StartAsync();
        var id = Guid.NewGuid().ToString("N");
        host.Cloud.Files[id] = (DocumentFiles.Pdf("Expense claims are due by the fifth working day."), "application/pdf");
        var attachment = new JsonObject { ["contentType"] = "application/pdf", ["contentUrl"] = host.Cloud.AttachmentUrl(id), ["name"] = "expenses.pdf" };

        await SendAsync(teams, attachment, "");

        await teams.ExpectReply("Saved [expenses]");
        Assert.Contains("fifth working day", await StoredTextAsync(tenant, "member", "expenses"), StringComparison.Ordinal);
        Assert.Contains(host.Cloud.FileRequests, r => r.Path.Contains(id, StringComparison.Ordinal) && r.Authorization.StartsWith("Bearer connector-token-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OversizedFileIsRefusedWithAReasonAndNotStored()
    {
        var (tenant, teams) = await StartAsync();
        var key = $"{Guid.NewGuid():N}.txt";
        host.Cloud.Files[key] = (new byte[(10 * 1024 * 1024) + 1], "text/plain");

        await SendAsync(teams, FileCard("huge.txt", host.Cloud.FileUrl(key)), "");

        await teams.ExpectReply("larger than 10 MB");
        Assert.Equal(0, await CountAsync(tenant));
    }

    [Fact]
    public async Task MissingFileAndForeignHttpUrlAreAnsweredWithoutADocument()
    {
        var (tenant, teams) = await StartAsync();

        await SendAsync(teams, FileCard("gone.txt", host.Cloud.FileUrl("no-such-file.txt")), "");
        await teams.ExpectReply("answered 404");
        await SendAsync(teams, FileCard("plain.txt", "http://files.example.test/plain.txt"), "");
        await teams.ExpectReply("https only");

        Assert.Equal(0, await CountAsync(tenant));
        Assert.DoesNotContain(host.Cloud.FileRequests, r => r.Path.Contains("plain.txt", StringComparison.Ordinal));
    }

    [Fact]
    public void OnlyFileAttachmentsAreDownloaded()
    {
        var activity = new OperatorOne.Bot.Core.Activities.Activity
        {
            Type = "message",
            Attachments =
            [
                new() { ContentType = "text/html", Content = JsonValue.Create("<p>hi</p>") },
                OperatorOne.Bot.Core.Activities.Attachment.AdaptiveCard([]),
                new() { ContentType = Channels.Teams.TeamsFiles.FileDownloadInfo, Name = "a.pdf", Content = new JsonObject { ["downloadUrl"] = "https://contoso.sharepoint.com/a.pdf" } },
                new() { ContentType = Channels.Teams.TeamsFiles.FileDownloadInfo, Name = "no-url.pdf", Content = new JsonObject() },
            ],
        };

        var found = Channels.Teams.TeamsFiles.Find(activity);

        Assert.Equal(("a.pdf", "https://contoso.sharepoint.com/a.pdf"), (found.Single().Name, found.Single().Url));
    }

    private async Task<(TeamsTenant Tenant, TeamsUser User)> StartAsync()
    {
        var tenant = await TeamsTenant.CreateAsync(host.Bot);
        return (tenant, new TeamsUser(host, tenant, "member"));
    }

    private static JsonObject FileCard(string name, string downloadUrl) => new()
    {
        ["contentType"] = Channels.Teams.TeamsFiles.FileDownloadInfo,
        ["contentUrl"] = "https://contoso.sharepoint.com/personal/member/Documents/" + name,
        ["name"] = name,
        ["content"] = new JsonObject { ["downloadUrl"] = downloadUrl, ["uniqueId"] = Guid.NewGuid().ToString(), ["fileType"] = Path.GetExtension(name).TrimStart('.') },
    };

    private static async Task SendAsync(TeamsUser teams, JsonObject attachment, string text)
    {
        var payload = teams.Payload("message-personal", new Dictionary<string, string> { ["text"] = text });
        payload["attachments"] = new JsonArray(attachment);
        using var response = await teams.Post(payload);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }

    private Task<string> StoredTextAsync(TeamsTenant tenant, string handle, string title) =>
        host.Bot.InOrganizationAsync(tenant.Organization.Id, async db =>
        {
            await db.UseMemberAsync(tenant.Organization.Members[handle], CancellationToken.None);
            return await db.Documents.Where(d => d.Title == title).Select(d => d.Text).SingleAsync();
        });

    private Task<int> CountAsync(TeamsTenant tenant) =>
        host.Bot.InOrganizationAsync(tenant.Organization.Id, async db =>
        {
            await db.UseMemberAsync(tenant.Organization.Members["member"], CancellationToken.None);
            return await db.Documents.CountAsync();
        });
}
