using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using OperatorOne.Tests.AdminApi;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.Integrations;

/// <summary>Defines custom tools through the admin API as an organization's admin, for any test's bot.</summary>
internal static class CustomTools
{
    public static async Task<JsonObject> CreateAsync(BotHost host, TestOrganization org, JsonObject definition)
    {
        using var admin = await AdminKeys.ClientAsync(host, org, "admin");
        using var response = await admin.PostAsJsonAsync($"{AdminKeys.Base(org)}/custom-tools", definition);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        return JsonNode.Parse(body)!.AsObject();
    }

    /// <summary>A JSON schema of required parameters, each with a type and a description.</summary>
    public static JsonObject Schema(params (string Name, string Type, string Description)[] parameters) => new()
    {
        ["type"] = "object",
        ["properties"] = new JsonObject(parameters.Select(p => KeyValuePair.Create(p.Name, (JsonNode?)new JsonObject { ["type"] = p.Type, ["description"] = p.Description }))),
        ["required"] = new JsonArray([.. parameters.Select(p => (JsonNode)p.Name)]),
    };
}
