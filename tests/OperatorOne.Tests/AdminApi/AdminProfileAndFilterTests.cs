using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OperatorOne.AdminApi.Usage;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.AdminApi;

[Collection(BotCollection.Name)]
public sealed class AdminProfileAndFilterTests(BotHost host)
{
    [Fact]
    public async Task AMembersNameAndEmailAreChangedAndTheEmailCleared()
    {
        var org = await TestOrganization.CreateAsync(host);
        using var admin = await AdminKeys.ClientAsync(host, org, "admin");
        var member = $"{AdminKeys.Base(org)}/members/{org.Members["member"]}";

        var changed = await admin.PatchAsJsonAsync(member, new { displayName = "Mia Renamed", email = "mia@example.com" });

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var body = await changed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("Mia Renamed", "mia@example.com"), (body.GetProperty("displayName").GetString(), body.GetProperty("email").GetString()));
        var cleared = await (await admin.PatchAsJsonAsync(member, new { email = "" })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(JsonValueKind.Null, cleared.GetProperty("email").ValueKind);
        Assert.Equal("Mia Renamed", cleared.GetProperty("displayName").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PatchAsJsonAsync(member, new { email = "not-an-email" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PatchAsJsonAsync(member, new { displayName = " " })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PatchAsJsonAsync($"{AdminKeys.Base(org)}/members/{Guid.NewGuid()}", new { displayName = "X" })).StatusCode);
    }

    [Fact]
    public async Task ApprovalsAreFilteredByToolAndRequester()
    {
        var org = await TestOrganization.CreateAsync(host);
        using var member = await Chat.StartAsync(host, org, "member");
        await member.Send("open a ticket: wobbly desk");
        await member.ExpectReply("#1");
        await member.Send("delete ticket 1");
        await member.ExpectReply("approval");
        using var viewer = await AdminKeys.ClientAsync(host, org, "viewer");
        var approvals = $"{AdminKeys.Base(org)}/approvals";

        var mine = await viewer.GetFromJsonAsync<JsonElement>($"{approvals}?tool=delete_ticket&requestedById={org.Members["member"]}");
        var otherTool = await viewer.GetFromJsonAsync<JsonElement>($"{approvals}?tool=close_ticket");
        var otherRequester = await viewer.GetFromJsonAsync<JsonElement>($"{approvals}?requestedById={org.Members["owner"]}");

        Assert.Equal("delete_ticket", mine.EnumerateArray().Single().GetProperty("tool").GetString());
        Assert.Equal((0, 0), (otherTool.GetArrayLength(), otherRequester.GetArrayLength()));
        Assert.Equal(HttpStatusCode.BadRequest, (await viewer.GetAsync($"{approvals}?tool={new string('t', 201)}")).StatusCode);
    }

    [Theory]
    [InlineData("{\"inputTokens\": 10, \"outputTokens\": 2, \"costUsd\": 0.5}")]
    [InlineData("{\"provider\": \"OpenAI\", \"detail\": {\"inputTokens\": 10, \"outputTokens\": 2, \"costUsd\": 0.5}}")]
    public void LlmUsageIsReadAtTheRootOrUnderDetail(string detail) =>
        Assert.Equal(new LlmUsage(10, 2, 0.5m), LlmUsage.Read(detail));

    [Theory]
    [InlineData(null)]
    [InlineData("not json")]
    [InlineData("[1]")]
    [InlineData("{\"inputTokens\": \"many\"}")]
    public void UnreadableLlmUsageCountsAsZero(string? detail) =>
        Assert.Equal(new LlmUsage(0, 0, 0), LlmUsage.Read(detail));
}
