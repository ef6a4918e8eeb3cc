using System.Text;
using Microsoft.Extensions.Options;
using OperatorOne.Channels.Voice.Speech;

namespace OperatorOne.Tests.VoiceMedia;

/// <summary>The Azure speech engines against a local stand-in speaking Azure's REST wire format.</summary>
public sealed class AzureSpeechTests : IAsyncLifetime
{
    private AzureSpeechStandIn _azure = null!;
    private readonly HttpClient _http = new();

    public async ValueTask InitializeAsync() => _azure = await AzureSpeechStandIn.StartAsync();

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _azure.DisposeAsync();
    }

    private IOptions<SpeechOptions> Options(string key = AzureSpeechStandIn.Key) => Microsoft.Extensions.Options.Options.Create(new SpeechOptions
    {
        Azure = new AzureSpeechOptions { Key = key, Region = "westeurope", BaseUrl = _azure.BaseAddress, Voice = "en-US-JennyNeural" },
    });

    [Fact]
    public async Task RecognitionPostsA16kHzWavForTheLanguageAndReturnsTheDisplayText()
    {
        var recognizer = new AzureSpeechRecognizer(_http, Options());

        var text = await recognizer.RecognizeAsync(new short[8000], new SpeechGrammar(["help"]), CancellationToken.None);

        Assert.Equal("My open tickets.", text);
        var request = Assert.Single(_azure.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/speech/recognition/conversation/cognitiveservices/v1?language=en-US&format=simple", request.PathAndQuery);
        Assert.StartsWith("audio/wav; codecs=audio/pcm; samplerate=16000", request.Headers["Content-Type"], StringComparison.Ordinal);
        Assert.Equal("RIFF", Encoding.ASCII.GetString(request.Body, 0, 4));
        Assert.Equal(16_000, BitConverter.ToInt32(request.Body, 24));
        Assert.Equal(44 + (16_000 * 2), request.Body.Length);
    }

    [Theory]
    [InlineData("""{"RecognitionStatus":"NoMatch","Offset":0,"Duration":0}""")]
    [InlineData("""{"RecognitionStatus":"InitialSilenceTimeout"}""")]
    public async Task NothingRecognizedIsNotUnderstood(string json)
    {
        _azure.RecognitionJson = json;

        var text = await new AzureSpeechRecognizer(_http, Options()).RecognizeAsync(new short[800], new SpeechGrammar(["help"]), CancellationToken.None);

        Assert.Null(text);
    }

    [Fact]
    public async Task SynthesisSendsEscapedSsmlAndAsksForRawMuLawAt8kHz()
    {
        var synthesizer = new AzureSpeechSynthesizer(_http, Options());

        var audio = await synthesizer.SynthesizeAsync("Tickets <1> & <2>", CancellationToken.None);

        Assert.Equal(_azure.SpeechAudio, audio);
        var request = Assert.Single(_azure.Requests);
        Assert.Equal("/cognitiveservices/v1", request.PathAndQuery);
        Assert.Equal("raw-8khz-8bit-mono-mulaw", request.Headers["X-Microsoft-OutputFormat"]);
        Assert.StartsWith("application/ssml+xml", request.Headers["Content-Type"], StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(request.Headers["User-Agent"]));
        var ssml = Encoding.UTF8.GetString(request.Body);
        Assert.Contains("<voice name=\"en-US-JennyNeural\">Tickets &lt;1&gt; &amp; &lt;2&gt;</voice>", ssml, StringComparison.Ordinal);
        Assert.Contains("xml:lang=\"en-US\"", ssml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARejectedKeyIsASpeechFailureNotACrash()
    {
        var synthesizer = new AzureSpeechSynthesizer(_http, Options(key: "wrong"));

        var failure = await Assert.ThrowsAsync<SpeechException>(() => synthesizer.SynthesizeAsync("hello", CancellationToken.None));

        Assert.Contains("401", failure.Message, StringComparison.Ordinal);
    }
}
