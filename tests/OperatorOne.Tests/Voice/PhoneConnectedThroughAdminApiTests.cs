using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Linq;
using OperatorOne.Tests.AdminApi;
using OperatorOne.Tests.Infrastructure;
using OperatorOne.Tests.Security;

namespace OperatorOne.Tests.Voice;

/// <summary>
/// The documented way to connect a phone number, end to end: the number installed through /admin/v1 under the name
/// the Twilio console uses ("twilio"), the caller's phone linked to a member as people type it, and a call signed by
/// the official twilio library. Once the admin API and the phone channel disagreed on the channel's name, and such a
/// number answered callers "this number is not connected".
/// </summary>
[Collection(SecuredCollection.Name)]
public sealed class PhoneConnectedThroughAdminApiTests(SecuredBot bot)
{
    [Fact]
    public async Task ANumberAndACallerLinkedThroughTheAdminApiGreetTheMemberByNameOnACallSignedByTheOfficialLibrary()
    {
        var organization = await TestOrganization.CreateAsync(bot.Host);
        using var admin = await AdminKeys.ClientAsync(bot.Host, organization, "admin");
        var number = PhoneCall.RandomNumber();
        var caller = PhoneCall.RandomNumber();
        bot.Twilio.Owned[number] = true;

        using var installed = await admin.PostAsJsonAsync($"{AdminKeys.Base(organization)}/installations", new { channel = "twilio", externalId = number });
        var installation = await installed.Content.ReadFromJsonAsync<JsonElement>();
        var typed = $"+1 ({caller[2..5]}) {caller[5..8]}-{caller[8..]}";
        using var linked = await admin.PostAsJsonAsync(
            $"{AdminKeys.Base(organization)}/members/{organization.Members["member"]}/identities", new { channel = "phone", externalId = typed });

        Assert.True(installed.StatusCode == HttpStatusCode.Created, installation.ToString());
        Assert.Equal("verified", installation.GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.Created, linked.StatusCode);
        Assert.Equal(caller, (await linked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("externalId").GetString());

        var greeting = await CallAsync(number, caller);

        Assert.StartsWith("Hi Mia!", greeting, StringComparison.Ordinal);
        Assert.DoesNotContain("not connected", greeting, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Twilio's first webhook of a call, signed by the official library, and what the bot says back.</summary>
    private async Task<string> CallAsync(string number, string caller)
    {
        var fields = new Dictionary<string, string>
        {
            ["CallSid"] = $"CA{Guid.NewGuid():N}", ["AccountSid"] = SecuredBot.TwilioAccountSid, ["From"] = caller, ["Caller"] = caller,
            ["To"] = number, ["Called"] = number, ["CallStatus"] = "ringing", ["Direction"] = "inbound",
        };
        var url = new Uri(SecuredBot.TwilioPublicBaseUrl, "/api/voice/twilio/incoming").AbsoluteUri;
        var signature = (await TwilioLibrary.RunAsync(SecuredBot.TwilioAuthToken, [new TwilioLibrary.Case(url, fields, "")]))[0].Expected;
        using var http = bot.Host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/voice/twilio/incoming")
        {
            Content = new FormUrlEncodedContent(fields),
        };
        request.Headers.Add("X-Twilio-Signature", signature);
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        return PhoneCall.Spoken(XDocument.Parse(body));
    }
}
