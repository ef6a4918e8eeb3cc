using Microsoft.EntityFrameworkCore;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.Ai;

/// <summary>Azure OpenAI's address, version and key header; the tool loop is the same as OpenAI's.</summary>
public sealed class AzureOpenAiTests(AzureOpenAiFixture fixture) : IClassFixture<AzureOpenAiFixture>
{
    [Fact]
    public async Task AzureRequestsGoToTheDeploymentWithTheApiVersionAndTheApiKeyHeader()
    {
        var org = await TestOrganization.CreateAsync(fixture.Host);
        using var chat = await Chat.StartAsync(fixture.Host, org, "member");
        fixture.Model.CallTool("create_ticket", """{"title":"Projector in room 4 is dead"}""");
        fixture.Model.ReplyText("Opened ticket #1 for the projector.");

        await chat.Send("the projector in room 4 died");
        await chat.ExpectReply("Opened ticket #1");

        Assert.Equal("Projector in room 4 is dead", (await fixture.Host.InOrganizationAsync(org.Id, db => db.Tickets.SingleAsync())).Title);
        Assert.Equal(2, fixture.Model.Addresses.Count);
        Assert.All(fixture.Model.Addresses, a =>
        {
            Assert.Equal("/openai/deployments/ops-gpt4o/chat/completions?api-version=2024-10-21", a.PathAndQuery);
            Assert.Equal("azure-stand-in-key", a.ApiKey);
            Assert.Null(a.Authorization);
        });
    }
}
