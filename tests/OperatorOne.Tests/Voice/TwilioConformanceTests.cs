using System.Net;
using OperatorOne.Channels.Voice;

namespace OperatorOne.Tests.Voice;

/// <summary>Our signer and verifier agree with the official twilio library, and the bot accepts what that library signs.</summary>
[Collection(VoiceCollection.Name)]
public sealed class TwilioConformanceTests(VoiceFixture fixture)
{
    private static readonly Dictionary<string, string> CallFields = new()
    {
        ["AccountSid"] = VoiceFixture.AccountSid, ["CallSid"] = "CA0123456789abcdef0123456789abcdef", ["From"] = "+14158675309",
        ["To"] = "+18005551212", ["SpeechResult"] = "Open a ticket: café printer — “jammed” & broken <again>", ["Digits"] = "",
        ["Caller"] = "+14158675309", ["caller"] = "lowercase sorts after upper case", ["Confidence"] = "0.9",
    };

    [Fact]
    public async Task OurSignaturesMatchTheOfficialTwilioLibrary()
    {
        string[] urls =
        [
            "https://voice.example.test/api/voice/twilio/gather?step=3&misses=0",
            "https://voice.example.test:443/api/voice/twilio/incoming",
            "http://voice.example.test:8080/api/voice/twilio/status",
        ];
        var cases = urls.Select(url => new TwilioLibrary.Case(url, CallFields, TwilioSignature.Compute(VoiceFixture.AuthToken, url, CallFields))).ToList();

        var results = await TwilioLibrary.RunAsync(VoiceFixture.AuthToken, cases);

        Assert.Equal(cases.Count, results.Count);
        foreach (var (sent, oracle) in cases.Zip(results))
        {
            Assert.Equal(oracle.Expected, sent.Signature);
            Assert.True(oracle.Valid, sent.Url);
        }
    }

    [Fact]
    public async Task TheBotAcceptsARequestSignedByTheOfficialLibraryAndRefusesOneSignedWithAnotherToken()
    {
        using var call = await PhoneCall.CreateAsync(fixture);
        var fields = call.Fields(("SpeechResult", "ignored on the first request"));
        var url = new Uri(VoiceFixture.PublicBaseUrl, "/api/voice/twilio/incoming").AbsoluteUri;
        var signed = await TwilioLibrary.RunAsync(VoiceFixture.AuthToken, [new TwilioLibrary.Case(url, fields, "")]);
        var foreign = await TwilioLibrary.RunAsync("another-account-token", [new TwilioLibrary.Case(url, fields, "")]);

        var refused = await call.PostAsync("/api/voice/twilio/incoming", fields, signature: foreign[0].Expected);
        var accepted = await call.PostAsync("/api/voice/twilio/incoming", fields, signature: signed[0].Expected);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.NotNull((await call.ExpectTwiMLAsync(accepted)).Root!.Element("Gather"));
    }
}
