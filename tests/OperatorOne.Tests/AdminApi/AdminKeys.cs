using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using OperatorOne.AdminApi.ApiKeys;
using OperatorOne.Data.Members;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.AdminApi;

/// <summary>Admin API keys for a test organization's members, and clients that present them.</summary>
internal static class AdminKeys
{
    public static async Task<(Guid Id, string Key)> IssueAsync(BotHost host, TestOrganization org, string handle, MemberRole? role = null) =>
        await host.InOrganizationAsync(org.Id, async db =>
        {
            var member = await db.Members.AsNoTracking().SingleAsync(m => m.Id == org.Members[handle]);
            var (key, plaintext) = ApiKeyEndpoints.Issue(db, member, $"test {handle}", role, DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
            return (key.Id, plaintext);
        });

    public static async Task<HttpClient> ClientAsync(BotHost host, TestOrganization org, string handle)
    {
        var (_, key) = await IssueAsync(host, org, handle);
        return WithKey(host, key);
    }

    public static HttpClient WithKey(BotHost host, string? key)
    {
        var client = host.CreateClient();
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }
        return client;
    }

    public static string Base(TestOrganization org) => $"/admin/v1/organizations/{org.Id}";
}
