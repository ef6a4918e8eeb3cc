using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace OperatorOne.Tests.Voice;

/// <summary>Unsigned, foreign, malformed and repeated requests: a 4xx or the same answer again, and nothing processed twice.</summary>
[Collection(VoiceCollection.Name)]
public sealed class VoiceBadInputTests(VoiceFixture fixture)
{
    private async Task<int> StoredConversationsAsync(PhoneCall call) =>
        await fixture.Host.InOrganizationAsync(call.Organization.Id, db => db.Conversations.CountAsync(c => c.Channel == "voice"));

    [Fact]
    public async Task AnUnsignedCallIsForbiddenAndNothingIsStored()
    {
        using var call = await PhoneCall.CreateAsync(fixture);
        using var http = fixture.Host.CreateClient();

        var response = await http.PostAsync("/api/voice/twilio/incoming", new FormUrlEncodedContent(call.Fields()));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, await StoredConversationsAsync(call));
    }

    [Fact]
    public async Task AWrongSignatureIsForbiddenAndNothingIsStored()
    {
        using var call = await PhoneCall.CreateAsync(fixture);

        var response = await call.PostAsync("/api/voice/twilio/incoming", call.Fields(), authToken: "not-the-token");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, await StoredConversationsAsync(call));
    }

    [Fact]
    public async Task ASignatureOverTheLoopbackUrlInsteadOfThePublicOneIsForbidden()
    {
        using var call = await PhoneCall.CreateAsync(fixture);
        var fields = call.Fields();
        var signature = TwilioSigner.Sign(VoiceFixture.AuthToken, new Uri(fixture.Host.BaseAddress, "/api/voice/twilio/incoming").AbsoluteUri, fields);

        var response = await call.PostAsync("/api/voice/twilio/incoming", fields, signature: signature);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task ASignedRequestWithAFieldChangedAfterSigningIsForbidden()
    {
        using var call = await PhoneCall.CreateAsync(fixture);
        await call.IncomingAsync();
        var fields = call.Fields(("SpeechResult", "my open tickets"));
        var signature = TwilioSigner.Sign(VoiceFixture.AuthToken, call.NextAction!.AbsoluteUri, fields);
        fields["SpeechResult"] = "delete ticket 1";

        var response = await call.PostAsync(call.NextAction.PathAndQuery, fields, signature: signature);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task AnotherAccountsRequestIsForbidden()
    {
        using var call = await PhoneCall.CreateAsync(fixture);

        var response = await call.PostAsync("/api/voice/twilio/incoming", call.Fields(("AccountSid", "AC99999999999999999999999999999999")));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task ASignedCallToANumberNoOrganizationHasHearsItIsNotInServiceAndIsHungUp()
    {
        using var call = await PhoneCall.CreateAsync(fixture);

        var twiml = await call.ExpectTwiMLAsync(await call.PostAsync("/api/voice/twilio/incoming", call.Fields(("To", PhoneCall.RandomNumber()), ("Called", "x"))));

        Assert.Contains("not connected", PhoneCall.Spoken(twiml), StringComparison.Ordinal);
        Assert.NotNull(twiml.Root!.Element("Hangup"));
        Assert.Null(twiml.Root.Element("Gather"));
        Assert.Equal(0, await StoredConversationsAsync(call));
    }

    [Theory]
    [InlineData("CallSid")]
    [InlineData("To")]
    [InlineData("From")]
    public async Task ASignedRequestMissingARequiredFieldIsABadRequest(string missing)
    {
        using var call = await PhoneCall.CreateAsync(fixture);
        var fields = call.Fields();
        fields.Remove(missing);

        var response = await call.PostAsync("/api/voice/twilio/incoming", fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task ABodyThatIsNotAFormIsRefused()
    {
        using var http = fixture.Host.CreateClient();

        var response = await http.PostAsync("/api/voice/twilio/incoming", new StringContent("{\"CallSid\":\"CA1\"}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task AnOversizedBodyIsRefused()
    {
        using var call = await PhoneCall.CreateAsync(fixture);

        var response = await call.PostAsync("/api/voice/twilio/incoming", call.Fields(("SpeechResult", new string('a', 100_000))));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Theory]
    [InlineData("/api/voice/twilio/gather")]
    [InlineData("/api/voice/twilio/gather?step=abc&misses=0")]
    [InlineData("/api/voice/twilio/gather?step=1&misses=99")]
    [InlineData("/api/voice/twilio/gather?step=1&misses=0&choices=7")]
    [InlineData("/api/voice/twilio/gather?step=1&misses=0&choices=yes")]
    public async Task AGatherCallbackWithABadStepIsABadRequest(string pathAndQuery)
    {
        using var call = await PhoneCall.CreateAsync(fixture);

        var response = await call.PostAsync(pathAndQuery, call.Fields(("SpeechResult", "help")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task ARepeatedGatherCallbackIsAnsweredTheSameAndCreatesOneTicket()
    {
        using var call = await PhoneCall.CreateAsync(fixture);
        await call.IncomingAsync();
        var action = call.NextAction!;
        var fields = call.Fields(("SpeechResult", "open a ticket: projector in room 4 flickers"));

        var first = await call.ExpectTwiMLAsync(await call.PostAsync(action.PathAndQuery, fields));
        var again = await call.ExpectTwiMLAsync(await call.PostAsync(action.PathAndQuery, fields));

        Assert.Equal(1, await fixture.Host.InOrganizationAsync(call.Organization.Id, db => db.Tickets.CountAsync()));
        Assert.Equal(PhoneCall.Spoken(first), PhoneCall.Spoken(again));
        Assert.Equal(first.Root!.Element("Gather")!.Attribute("action")!.Value, again.Root!.Element("Gather")!.Attribute("action")!.Value);
    }

    [Fact]
    public async Task TheStatusCallbackIsSignedAndAcknowledged()
    {
        using var call = await PhoneCall.CreateAsync(fixture);

        var signed = await call.PostAsync("/api/voice/twilio/status", call.Fields(("CallStatus", "completed"), ("CallDuration", "42")));
        var unsigned = await call.PostAsync("/api/voice/twilio/status", call.Fields(("CallStatus", "completed")), signature: "bm90IGl0");

        Assert.Equal(HttpStatusCode.NoContent, signed.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, unsigned.StatusCode);
    }
}
