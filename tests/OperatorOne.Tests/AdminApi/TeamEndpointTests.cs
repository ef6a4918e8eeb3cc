using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.AdminApi;

/// <summary>Teams through the admin API, and uploads shared with a team by id or name.</summary>
[Collection(BotCollection.Name)]
public sealed class TeamEndpointTests(BotHost host)
{
    [Fact]
    public async Task AnAdminCreatesATeamAddsAndRemovesMembersAndAViewerListsIt()
    {
        var org = await TestOrganization.CreateAsync(host);
        using var admin = await AdminKeys.ClientAsync(host, org, "admin");
        using var viewer = await AdminKeys.ClientAsync(host, org, "viewer");
        var url = $"{AdminKeys.Base(org)}/teams";

        var created = await admin.PostAsJsonAsync(url, new { name = " Support ", memberIds = new[] { org.Members["member"] } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var team = await created.Content.ReadFromJsonAsync<JsonElement>();
        var teamId = team.GetProperty("id").GetGuid();
        Assert.Equal("Support", team.GetProperty("name").GetString());
        Assert.Equal("member", team.GetProperty("members")[0].GetProperty("handle").GetString());

        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsJsonAsync(url, new { name = "support" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsJsonAsync(url, new { name = "" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsJsonAsync(url, new { name = new string('x', 101) })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsJsonAsync(url, new { name = "Ghosts", memberIds = new[] { Guid.NewGuid() } })).StatusCode);

        var added = await admin.PostAsJsonAsync($"{url}/{teamId}/members", new { memberId = org.Members["owner"] });
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        Assert.Equal(2, (await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("members").GetArrayLength());
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"{url}/{teamId}/members", new { memberId = org.Members["owner"] })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsJsonAsync($"{url}/{teamId}/members", new { memberId = Guid.NewGuid() })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsJsonAsync($"{url}/{Guid.NewGuid()}/members", new { memberId = org.Members["owner"] })).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"{url}/{teamId}/members/{org.Members["member"]}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync($"{url}/{teamId}/members/{org.Members["member"]}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsJsonAsync(url, new { name = "Viewers" })).StatusCode);

        var teams = await viewer.GetFromJsonAsync<JsonElement>(url);
        var listed = Assert.Single(teams.EnumerateArray());
        Assert.Equal("Support", listed.GetProperty("name").GetString());
        Assert.Equal("Olivia Owner", Assert.Single(listed.GetProperty("members").EnumerateArray()).GetProperty("displayName").GetString());
    }

    [Fact]
    public async Task AnUploadSharedWithATeamByNameOrIdIsReadByItsMembersOnly()
    {
        var org = await TestOrganization.CreateAsync(host);
        using var admin = await AdminKeys.ClientAsync(host, org, "admin");
        using var member = await AdminKeys.ClientAsync(host, org, "member");
        using var viewer = await AdminKeys.ClientAsync(host, org, "viewer");
        var created = await admin.PostAsJsonAsync($"{AdminKeys.Base(org)}/teams", new { name = "Night Shift", memberIds = new[] { org.Members["member"] } });
        var teamId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var url = $"{AdminKeys.Base(org)}/documents";

        var byName = await admin.PostAsync(url, Upload("rota.txt", ("visibility", "team"), ("team", "night shift")));
        var byId = await admin.PostAsync(url, Upload("keys.txt", ("visibility", "Team"), ("team", teamId.ToString())));

        Assert.Equal(HttpStatusCode.Created, byName.StatusCode);
        Assert.Equal(HttpStatusCode.Created, byId.StatusCode);
        var document = await byName.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("team", document.GetProperty("visibility").GetString());
        Assert.Equal(teamId, document.GetProperty("teamId").GetGuid());
        Assert.Equal(2, (await member.GetFromJsonAsync<JsonElement>(url)).GetArrayLength());
        Assert.Equal(0, (await viewer.GetFromJsonAsync<JsonElement>(url)).GetArrayLength());
    }

    [Theory]
    [InlineData("team", null, "needs a 'team'")]
    [InlineData("team", "Nobody Here", "no team 'Nobody Here'")]
    [InlineData("organization", "Night Shift", "goes with visibility team")]
    [InlineData("everyone", null, "private, team or organization")]
    [InlineData("7", null, "private, team or organization")]
    public async Task AnUploadWithAWrongTeamOrVisibilityIsRefusedWithAReason(string visibility, string? team, string reason)
    {
        var org = await TestOrganization.CreateAsync(host);
        using var admin = await AdminKeys.ClientAsync(host, org, "admin");
        await admin.PostAsJsonAsync($"{AdminKeys.Base(org)}/teams", new { name = "Night Shift" });
        var fields = team is null ? new[] { ("visibility", visibility) } : [("visibility", visibility), ("team", team)];

        var response = await admin.PostAsync($"{AdminKeys.Base(org)}/documents", Upload("rota.txt", fields));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    private static MultipartFormDataContent Upload(string name, params (string Field, string Value)[] fields)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent("The night shift rota lives here."u8.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        form.Add(file, "file", name);
        foreach (var (field, value) in fields)
        {
            form.Add(new StringContent(value), field);
        }
        return form;
    }
}
