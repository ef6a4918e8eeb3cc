using System.Net;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.Voice;

/// <summary>Without Twilio:AuthToken the voice endpoints do not exist, so nothing unsigned can ever run.</summary>
[Collection(BotCollection.Name)]
public sealed class VoiceOffTests(BotHost host)
{
    [Theory]
    [InlineData("/api/voice/twilio/incoming")]
    [InlineData("/api/voice/twilio/gather?step=1&misses=0")]
    [InlineData("/api/voice/twilio/status")]
    public async Task AnUnconfiguredVoiceChannelAnswersNotFound(string path)
    {
        using var http = host.CreateClient();

        var response = await http.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string> { ["CallSid"] = "CA1" }));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
