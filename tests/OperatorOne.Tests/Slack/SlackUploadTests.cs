using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using OperatorOne.Tests.Documents;

namespace OperatorOne.Tests.Slack;

/// <summary>Files shared with the bot in Slack become documents: downloaded by the inbox worker with the workspace's token, from Slack's file host only.</summary>
[Collection(SlackCollection.Name)]
public sealed class SlackUploadTests(SlackFixture fixture)
{
    private const int TenMegabytes = 10 * 1024 * 1024;

    private SlackStandIn Slack => fixture.Slack;

    [Fact]
    public async Task MarkdownFileSharedInADmBecomesTheMembersPrivateDocument()
    {
        using var workspace = await SlackWorkspace.CreateAsync(fixture);
        var (file, key) = Hosted(workspace, "visitor-policy.md", "text/markdown", "# Visitors\n\nVisitors sign in at the front desk and wear a badge."u8.ToArray());

        var response = await workspace.PostEventAsync(workspace.FileShareEnvelope("member", "Visitor policy", file));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = await ReplyAsync(workspace);
        Assert.Contains($"Saved <{SlackFixture.PublicBaseUrl}documents/", reply, StringComparison.Ordinal);
        Assert.Contains("|Visitor policy> as a private document", reply, StringComparison.Ordinal);
        var stored = await StoredAsync(workspace, "Visitor policy");
        Assert.Contains("front desk", stored.Text, StringComparison.Ordinal);
        Assert.Equal(workspace.Organization.Members["member"], stored.OwnerId);
        Assert.Equal("Bearer " + SlackFixture.BotToken, Slack.FileRequests.Single(r => r.Path.EndsWith(key, StringComparison.Ordinal)).Authorization);
    }

    [Fact]
    public async Task PdfSharedWithoutTextIsTitledByItsFileName()
    {
        using var workspace = await SlackWorkspace.CreateAsync(fixture);
        var (file, _) = Hosted(workspace, "expense-claims.pdf", "application/pdf", DocumentFiles.Pdf("Expense claims are due by the fifth working day."));

        await workspace.PostEventAsync(workspace.FileShareEnvelope("member", "", file));

        Assert.Contains("|expense claims> as a private document", await ReplyAsync(workspace), StringComparison.Ordinal);
        Assert.Contains("fifth working day", (await StoredAsync(workspace, "expense claims")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FilesOverTheCapAreRefusedByDeclaredSizeOrWhileStreamingAndNothingIsStored()
    {
        using var workspace = await SlackWorkspace.CreateAsync(fixture);
        var (declared, declaredKey) = Hosted(workspace, "declared.txt", "text/plain", "small on the host"u8.ToArray());
        declared["size"] = TenMegabytes + 1;
        var (streamed, _) = Hosted(workspace, "streamed.txt", "text/plain", new byte[TenMegabytes + 1], chunked: true);
        streamed["size"] = 1000;

        await workspace.PostEventAsync(workspace.FileShareEnvelope("member", "", declared, streamed));

        var replies = await RepliesAsync(workspace, 2);
        Assert.Contains(replies, r => r.Contains("couldn't get declared.txt: it is larger than 10 MB", StringComparison.Ordinal));
        Assert.Contains(replies, r => r.Contains("couldn't get streamed.txt: it is larger than 10 MB", StringComparison.Ordinal));
        Assert.DoesNotContain(Slack.FileRequests, r => r.Path.EndsWith(declaredKey, StringComparison.Ordinal));
        Assert.Equal(0, await CountAsync(workspace));
    }

    [Fact]
    public async Task AFileTheHostNoLongerHasIsAnsweredWithoutADocument()
    {
        using var workspace = await SlackWorkspace.CreateAsync(fixture);
        var file = FileObject("gone.txt", "text/plain", 20, Slack.FileUrl($"{workspace.TeamId}-FGONE/download/gone.txt"));

        await workspace.PostEventAsync(workspace.FileShareEnvelope("member", "", file));

        Assert.Contains("couldn't get gone.txt: Slack no longer has it (HTTP 404)", await ReplyAsync(workspace), StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(workspace));
    }

    [Fact]
    public async Task AFileOnAForeignHostIsRefusedWithoutSendingTheToken()
    {
        using var workspace = await SlackWorkspace.CreateAsync(fixture);
        await using var foreign = new SlackStandIn();
        await foreign.StartAsync();
        foreign.Files["TFOREIGN-F1/download/notes.txt"] = new SlackHostedFile("tempting"u8.ToArray(), "text/plain");
        var file = FileObject("notes.txt", "text/plain", 8, foreign.FileUrl("TFOREIGN-F1/download/notes.txt"));
        var lookalike = FileObject("lookalike.txt", "text/plain", 8, new Uri("https://files.slack.com.example.test/files-pri/T-F2/download/lookalike.txt"));
        var plainHttp = FileObject("plain.txt", "text/plain", 8, new Uri("http://files.slack.com/files-pri/T-F3/download/plain.txt"));

        await workspace.PostEventAsync(workspace.FileShareEnvelope("member", "", file, lookalike, plainHttp));

        var replies = await RepliesAsync(workspace, 3);
        foreach (var name in new[] { "notes.txt", "lookalike.txt", "plain.txt" })
        {
            Assert.Contains(replies, r => r.Contains($"couldn't get {name}: its download address is not on files.slack.com", StringComparison.Ordinal));
        }
        Assert.Empty(foreign.FileRequests);
        Assert.Equal(0, await CountAsync(workspace));
    }

    [Fact]
    public async Task AReplayedFileShareIsStoredOnce()
    {
        using var workspace = await SlackWorkspace.CreateAsync(fixture);
        var (file, key) = Hosted(workspace, "badges.txt", "text/plain", "Badges are collected at reception."u8.ToArray());
        var envelope = workspace.FileShareEnvelope("member", "Badge rules", file);

        Assert.Equal(HttpStatusCode.OK, (await workspace.PostEventAsync(envelope)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await workspace.PostEventAsync(envelope, retry: 1)).StatusCode);

        Assert.Contains("|Badge rules>", await ReplyAsync(workspace), StringComparison.Ordinal);
        Assert.Equal(1, await CountAsync(workspace));
        Assert.Single(Slack.FileRequests, r => r.Path.EndsWith(key, StringComparison.Ordinal));
    }

    /// <summary>A file served by the stand-in at a url_private_download under the workspace's team id, and its event object.</summary>
    private (JsonObject File, string Key) Hosted(SlackWorkspace workspace, string name, string mimetype, byte[] bytes, bool chunked = false)
    {
        var key = $"{workspace.TeamId}-F{Guid.NewGuid():N}/download/{name}";
        Slack.Files[key] = new SlackHostedFile(bytes, mimetype, chunked);
        return (FileObject(name, mimetype, bytes.Length, Slack.FileUrl(key)), key);
    }

    private static JsonObject FileObject(string name, string mimetype, long size, Uri url) => new()
    {
        ["id"] = $"F{Guid.NewGuid():N}"[..11].ToUpperInvariant(),
        ["name"] = name,
        ["title"] = name,
        ["mimetype"] = mimetype,
        ["filetype"] = Path.GetExtension(name).TrimStart('.'),
        ["size"] = size,
        ["mode"] = "hosted",
        ["is_external"] = false,
        ["url_private"] = url.ToString().Replace("/download/", "/", StringComparison.Ordinal),
        ["url_private_download"] = url.ToString(),
    };

    private async Task<string> ReplyAsync(SlackWorkspace workspace) => (await RepliesAsync(workspace, 1)).Single();

    private async Task<List<string>> RepliesAsync(SlackWorkspace workspace, int count)
    {
        var channel = workspace.DmChannel("member");
        var calls = await Slack.WaitForAsync(c => c.Method == "chat.postMessage" && c.Arguments["channel"]?.ToString() == channel, count);
        return [.. calls.Select(c => c.Arguments["text"]!.GetValue<string>())];
    }

    private Task<(string Text, Guid OwnerId)> StoredAsync(SlackWorkspace workspace, string title) =>
        fixture.Host.InOrganizationAsync(workspace.Organization.Id, async db =>
        {
            await db.UseMemberAsync(workspace.Organization.Members["member"], CancellationToken.None);
            var document = await db.Documents.Where(d => d.Title == title).Select(d => new { d.Text, d.OwnerId }).SingleAsync();
            return (document.Text, document.OwnerId);
        });

    private Task<int> CountAsync(SlackWorkspace workspace) =>
        fixture.Host.InOrganizationAsync(workspace.Organization.Id, async db =>
        {
            await db.UseMemberAsync(workspace.Organization.Members["member"], CancellationToken.None);
            return await db.Documents.CountAsync();
        });
}
