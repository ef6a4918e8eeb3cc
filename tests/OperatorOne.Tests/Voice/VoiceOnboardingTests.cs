using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using OperatorOne.Tests.AdminApi;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.Voice;

/// <summary>
/// Phone numbers as people type them become the E.164 number Twilio sends (chat and admin API, with the organization's
/// country), and the channel check names the number Twilio called that nobody connected, with the console values.
/// </summary>
[Collection(VoiceCollection.Name)]
public sealed class VoiceOnboardingTests(VoiceFixture fixture)
{
    [Fact]
    public async Task ANumberTypedWithParenthesesInChatIsStoredAsE164AndTheCallerIsThatMember()
    {
        using var call = await PhoneCall.CreateAsync(fixture, callerHandle: null);
        var typed = AsTyped(call.From);
        using var admin = await Chat.StartAsync(fixture.Host, call.Organization, "admin");
        using var admin2 = await Chat.StartAsync(fixture.Host, call.Organization, "admin2");

        var before = PhoneCall.Spoken(await call.IncomingAsync());
        await admin.Send($"link phone {typed} to mia");
        await admin.ExpectReply("needs approval");
        var number = await fixture.Host.InOrganizationAsync(call.Organization.Id,
            db => db.ApprovalRequests.Where(a => a.Tool == "link_channel_identity").Select(a => a.Number).SingleAsync());
        await admin2.Send($"approve {number}");
        await admin.ExpectReply("approved");
        var stored = await fixture.Host.InOrganizationAsync(call.Organization.Id,
            db => db.ChannelIdentities.Where(i => i.Channel == "voice").Select(i => new { i.ExternalId, i.MemberId }).SingleAsync());
        using var again = new PhoneCall(fixture.Host, call.Organization, call.Number, call.From);
        var after = PhoneCall.Spoken(await again.IncomingAsync());

        Assert.DoesNotContain("Mia", before, StringComparison.Ordinal);
        Assert.Equal(call.From, stored.ExternalId);
        Assert.Equal(call.Organization.Members["member"], stored.MemberId);
        Assert.StartsWith("Hi Mia!", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ANumberGivenToTheAdminApiIsReadInTheOrganizationsCountry()
    {
        using var call = await PhoneCall.CreateAsync(fixture, callerHandle: null);
        using var admin = await AdminKeys.ClientAsync(fixture.Host, call.Organization, "admin");
        var viewer = call.Organization.Members["viewer"];
        var identities = $"{AdminKeys.Base(call.Organization)}/members/{viewer}/identities";
        var typed = AsTyped(call.From);

        using var linked = await admin.PostAsJsonAsync(identities, new { channel = "voice", externalId = typed });
        using var nonsense = await admin.PostAsJsonAsync(identities, new { channel = "voice", externalId = "call me maybe" });
        using var belgian = await admin.PatchAsJsonAsync(AdminKeys.Base(call.Organization), new { country = "BE" });
        using var local = await admin.PostAsJsonAsync(identities, new { channel = "voice", externalId = "0470 12 34 56" });
        var greeting = PhoneCall.Spoken(await call.IncomingAsync());

        Assert.Equal(HttpStatusCode.Created, linked.StatusCode);
        Assert.Equal(call.From, (await linked.Content.ReadFromJsonAsync<JsonObject>())!["externalId"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, nonsense.StatusCode);
        Assert.Contains("externalId", await nonsense.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, belgian.StatusCode);
        Assert.Equal(HttpStatusCode.Created, local.StatusCode);
        Assert.Equal("+32470123456", (await local.Content.ReadFromJsonAsync<JsonObject>())!["externalId"]!.GetValue<string>());
        Assert.StartsWith("Hi Victor!", greeting, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheChannelCheckNamesABadSignatureAndANumberNobodyConnectedAndGivesTheConsoleValues()
    {
        using var call = await PhoneCall.CreateAsync(fixture);
        using var admin = await AdminKeys.ClientAsync(fixture.Host, call.Organization, "admin");
        var path = AdminKeys.Base(call.Organization) + "/channels";
        var stranger = PhoneCall.RandomNumber();
        using var strangerCall = new PhoneCall(fixture.Host, call.Organization, stranger, call.From);

        using var forged = await call.PostAsync("/api/voice/twilio/incoming", call.Fields(), authToken: "not-the-auth-token");
        var badSignature = Phone(await admin.GetFromJsonAsync<JsonArray>(path));
        var notConnected = PhoneCall.Spoken(await strangerCall.IncomingAsync());
        var unknownNumber = Phone(await admin.GetFromJsonAsync<JsonArray>(path));

        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Equal("unreachable", badSignature["state"]!.GetValue<string>());
        var signatureHop = Hop(badSignature, "Webhook signature");
        Assert.False(signatureHop["ok"]!.GetValue<bool>());
        Assert.Contains("X-Twilio-Signature did not match", signatureHop["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("not connected", notConnected, StringComparison.OrdinalIgnoreCase);
        var numberHop = Hop(unknownNumber, "Twilio number");
        Assert.False(numberHop["ok"]!.GetValue<bool>());
        Assert.Contains($"the number {stranger} is not connected to this organization", numberHop["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains(stranger, numberHop["fix"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(Hop(unknownNumber, "Webhook signature")["ok"]!.GetValue<bool>());
        var setup = unknownNumber["setup"]!;
        Assert.Equal("Webhook, HTTP POST, https://voice.example.test/api/voice/twilio/incoming", setup["aCallComesIn"]!.GetValue<string>());
        Assert.Equal("HTTP POST, https://voice.example.test/api/voice/twilio/status", setup["callStatusChanges"]!.GetValue<string>());
    }

    /// <summary>"+15551234567" as people write it: "(555) 123-4567".</summary>
    private static string AsTyped(string e164) => $"({e164[2..5]}) {e164[5..8]}-{e164[8..]}";

    private static JsonObject Phone(JsonArray? reports) => reports!.Single(r => r!["channel"]!.GetValue<string>() == "voice")!.AsObject();

    private static JsonNode Hop(JsonObject report, string name) => report["hops"]!.AsArray().Single(h => h!["name"]!.GetValue<string>() == name)!;
}
