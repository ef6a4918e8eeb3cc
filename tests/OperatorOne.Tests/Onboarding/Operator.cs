using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using OperatorOne.Tests.AdminApi;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.Onboarding;

/// <summary>The operator's side of the admin API: organizations made through POST /admin/v1/organizations.</summary>
internal static class Operator
{
    public static HttpClient Client(BotHost host) => AdminKeys.WithKey(host, TestSecrets.OperatorKey);

    /// <summary>A new organization as an operator makes it; its owner's key and join link come back once.</summary>
    public static async Task<CreatedOrganization> CreateAsync(BotHost host, string name, string? ownerPhone = null, string country = "US")
    {
        using var client = Client(host);
        var email = $"owner-{Guid.NewGuid():N}"[..20] + "@example.com";
        using var response = await client.PostAsJsonAsync("/admin/v1/organizations", new
        {
            name, timeZone = "Europe/Brussels", country, owner = new { displayName = "Olga Owner", email, phone = ownerPhone },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        return new CreatedOrganization(
            Guid.Parse(body["organization"]!["id"]!.GetValue<string>()),
            Guid.Parse(body["owner"]!["id"]!.GetValue<string>()),
            email,
            body["ownerApiKey"]!.GetValue<string>(),
            body["ownerJoinLink"]!.GetValue<string>());
    }
}

internal sealed record CreatedOrganization(Guid Id, Guid OwnerId, string OwnerEmail, string OwnerKey, string JoinLink)
{
    public string Base => $"/admin/v1/organizations/{Id}";
}
