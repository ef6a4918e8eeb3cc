using Microsoft.EntityFrameworkCore;
using OperatorOne.Data.Documents;
using OperatorOne.Skills.Documents;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.Documents;

/// <summary>
/// Search over a realistic corpus: 1,200 generated documents bulk-loaded beside twelve hand-written ones; each
/// query finds its document first, with the passage that answers it.
/// </summary>
[Collection(BotCollection.Name)]
public sealed class DocumentSearchTests(BotHost host)
{
    private const int CorpusSize = 1_200;
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static (TestOrganization Org, Dictionary<string, Guid> Targets)? _world;

    public static TheoryData<int> Queries => new(Enumerable.Range(0, SearchTargets.All.Count));

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task EveryQueryFindsItsDocumentFirstWithTheAnsweringPassage(int index)
    {
        var (org, targets) = await WorldAsync();
        var target = SearchTargets.All[index];

        var hits = await host.InOrganizationAsync(org.Id, async db =>
        {
            await db.UseMemberAsync(org.Members["member"], CancellationToken.None);
            return await DocumentSearch.SearchAsync(db, DocumentQuery.Clean(target.Query), null, null, 3, CancellationToken.None);
        });

        Assert.NotEmpty(hits);
        Assert.Equal(targets[target.Title], hits[0].Id);
        Assert.Contains(target.Passage.Split(' ')[0], hits[0].Snippet, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ThePhrasesPeopleUseInChatFindTheGuideAndThePolicyPassage()
    {
        var (org, _) = await WorldAsync();
        using var chat = await Chat.StartAsync(host, org, "viewer");

        await chat.Send("find the VPN setup guide");
        var guide = await chat.ExpectReply("VPN Setup Guide");
        Assert.Contains("/documents/", guide["text"]!.GetValue<string>(), StringComparison.Ordinal);

        await chat.Send("what does our refund policy say about damaged items");
        var policy = await chat.ExpectReply("1. [Refund Policy]");
        Assert.Contains("**damaged**", policy["text"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task TagAndOwnerFiltersNarrowTheResults()
    {
        var (org, targets) = await WorldAsync();

        var (tagged, owned) = await host.InOrganizationAsync(org.Id, async db =>
        {
            await db.UseMemberAsync(org.Members["member"], CancellationToken.None);
            var byTag = await DocumentSearch.SearchAsync(db, "policy", "legal", null, 50, CancellationToken.None);
            var byOwner = await DocumentSearch.SearchAsync(db, "policy", null, org.Members["admin2"], 50, CancellationToken.None);
            return (byTag, byOwner);
        });

        Assert.NotEmpty(tagged);
        Assert.All(tagged, hit => Assert.Contains("legal", hit.Tags));
        Assert.Contains(tagged, hit => hit.Id == targets["Data Retention Schedule"]);
        Assert.NotEmpty(owned);
        Assert.All(owned, hit => Assert.Equal("Alan Admin", hit.Owner));
    }

    private async Task<(TestOrganization Org, Dictionary<string, Guid> Targets)> WorldAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_world is { } world)
            {
                return world;
            }
            var org = await TestOrganization.CreateAsync(host);
            var owners = new[] { org.Members["owner"], org.Members["admin"], org.Members["member"] };
            await DocumentCorpus.BulkLoadAsync(host.AdminConnectionString, org.Id, owners, DocumentCorpus.Generate(CorpusSize));
            var targets = new Dictionary<string, Guid>();
            await host.InOrganizationAsync(org.Id, async db =>
            {
                var now = DateTimeOffset.UtcNow;
                foreach (var target in SearchTargets.All)
                {
                    var document = new Document
                    {
                        Id = Guid.NewGuid(), OrganizationId = org.Id, OwnerId = org.Members["admin2"], Title = target.Title,
                        Tags = [.. target.Tags], Visibility = DocumentVisibility.Organization, FileName = target.Title + ".md",
                        ContentType = "text/markdown", SizeBytes = target.Text.Length, Text = target.Text, CreatedAt = now, UpdatedAt = now,
                    };
                    targets[target.Title] = document.Id;
                    db.Documents.Add(document);
                    db.DocumentContents.Add(new DocumentContent { DocumentId = document.Id, OrganizationId = org.Id, Bytes = System.Text.Encoding.UTF8.GetBytes(target.Text) });
                }
                await db.UseMemberAsync(org.Members["admin2"], CancellationToken.None);
                return await db.SaveChangesAsync();
            });
            Assert.True(await host.InOrganizationAsync(org.Id, db => db.Documents.CountAsync()) >= CorpusSize + SearchTargets.All.Count);
            _world = (org, targets);
            return _world.Value;
        }
        finally
        {
            Gate.Release();
        }
    }
}
