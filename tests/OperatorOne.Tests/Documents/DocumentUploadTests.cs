using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using OperatorOne.Tests.AdminApi;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.Documents;

/// <summary>Bad uploads get a 4xx with a reason, through Direct Line and through the admin API; good ones land.</summary>
[Collection(BotCollection.Name)]
public sealed class DocumentUploadTests(BotHost host)
{
    private const int Limit = 10 * 1024 * 1024;

    public static TheoryData<string, string, byte[], HttpStatusCode, string> BadFiles => new()
    {
        { "huge.txt", "text/plain", new byte[Limit + 1], HttpStatusCode.RequestEntityTooLarge, "at most" },
        { "broken.pdf", "application/pdf", "%PDF-1.7 this is not really a pdf"u8.ToArray(), HttpStatusCode.BadRequest, "damaged" },
        { "fake.pdf", "application/pdf", "just some text"u8.ToArray(), HttpStatusCode.BadRequest, "not a valid PDF" },
        { "photo.png", "image/png", new byte[] { 0x89, 0x50, 0x4E, 0x47, 1, 2, 3 }, HttpStatusCode.UnsupportedMediaType, "PDF, Word" },
        { "empty.txt", "text/plain", Array.Empty<byte>(), HttpStatusCode.BadRequest, "empty" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task WebChatRefusesABadFileWithAReason(string name, string type, byte[] bytes, HttpStatusCode status, string reason)
    {
        var org = await TestOrganization.CreateAsync(host);
        using var chat = await Chat.StartAsync(host, org, "member");

        var response = await chat.Upload(name, type, bytes);

        Assert.Equal(status, response.StatusCode);
        Assert.Contains(reason, (await response.Content.ReadFromJsonAsync<JsonObject>())!["error"]!["message"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task WebChatUploadsNeedATokenAKnownConversationAndMultipart()
    {
        var org = await TestOrganization.CreateAsync(host);
        using var chat = await Chat.StartAsync(host, org, "member");
        using var anonymous = host.CreateClient();

        var noToken = await anonymous.PostAsync($"/v3/directline/conversations/{chat.ConversationId}/upload", Multipart("a.txt", "hello"u8.ToArray()));
        Assert.Equal(HttpStatusCode.Unauthorized, noToken.StatusCode);
        var unknown = await chat.UploadRaw(Multipart("a.txt", "hello"u8.ToArray()), "no-such-conversation");
        Assert.Equal(HttpStatusCode.Forbidden, unknown.StatusCode);
        var json = await chat.UploadRaw(JsonContent.Create(new { type = "message" }));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, json.StatusCode);
        using var noFile = new MultipartFormDataContent { { new StringContent("{\"type\":\"message\"}"), "activity" } };
        var missing = await chat.UploadRaw(noFile);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        using var badActivity = Multipart("a.txt", "hello"u8.ToArray());
        badActivity.Add(new StringContent("{not json"), "activity");
        Assert.Equal(HttpStatusCode.BadRequest, (await chat.UploadRaw(badActivity)).StatusCode);
        using var truncated = new StringContent("--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\nhello");
        truncated.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=xyz");
        Assert.Equal(HttpStatusCode.BadRequest, (await chat.UploadRaw(truncated)).StatusCode);
    }

    [Fact]
    public async Task TheAdminApiStoresADocxAndRefusesBadFilesKeysAndRoles()
    {
        var org = await TestOrganization.CreateAsync(host);
        using var member = await AdminKeys.ClientAsync(host, org, "member");
        using var viewer = await AdminKeys.ClientAsync(host, org, "viewer");
        using var nobody = AdminKeys.WithKey(host, null);
        var url = $"{AdminKeys.Base(org)}/documents";
        var docx = DocumentFiles.Docx("Holiday Rota", "The Lighthouse office closes between Christmas and New Year.");

        var created = await member.PostAsync(url, Multipart("holiday-rota.docx", docx, DocumentFormats.Docx, ("tags", "hr, holidays"), ("visibility", "organization")));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = (await created.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("holiday rota", body["title"]!.GetValue<string>());
        Assert.Equal("organization", body["visibility"]!.GetValue<string>());

        using var chat = await Chat.StartAsync(host, org, "viewer");
        await chat.Send("search documents for lighthouse office");
        await chat.ExpectReply("holiday rota");

        var list = await viewer.GetFromJsonAsync<JsonArray>(url);
        Assert.Contains(list!, d => d!["title"]!.GetValue<string>() == "holiday rota");

        Assert.Equal(HttpStatusCode.Unauthorized, (await nobody.PostAsync(url, Multipart("a.txt", "hi"u8.ToArray()))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsync(url, Multipart("a.txt", "hi"u8.ToArray()))).StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await member.PostAsync(url, Multipart("big.txt", new byte[Limit + 1]))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await member.PostAsync(url, Multipart("broken.pdf", "%PDF-1.4 garbage"u8.ToArray(), "application/pdf"))).StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await member.PostAsync(url, Multipart("a.exe", [0x4D, 0x5A, 0, 0], "application/octet-stream"))).StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await member.PostAsync(url, JsonContent.Create(new { title = "x" }))).StatusCode);

        var id = body["id"]!.GetValue<string>();
        using var admin = await AdminKeys.ClientAsync(host, org, "admin");
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync($"{url}/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await member.DeleteAsync($"{url}/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await member.DeleteAsync($"{url}/{id}")).StatusCode);
    }

    private static MultipartFormDataContent Multipart(string name, byte[] bytes, string type = "text/plain", params (string Field, string Value)[] fields)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(type);
        form.Add(file, "file", name);
        foreach (var (field, value) in fields)
        {
            form.Add(new StringContent(value), field);
        }
        return form;
    }
}
