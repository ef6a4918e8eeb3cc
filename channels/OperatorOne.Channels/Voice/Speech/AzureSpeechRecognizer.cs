using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;
using OperatorOne.Channels.Voice.Media;

namespace OperatorOne.Channels.Voice.Speech;

/// <summary>
/// Azure AI Speech, short-audio REST: one utterance (at most 60 s) as a 16 kHz WAV, the final text back. Open
/// dictation, so the grammar is not needed; NoMatch and silence come back as nothing heard.
/// </summary>
internal sealed class AzureSpeechRecognizer(HttpClient http, IOptions<SpeechOptions> options) : ISpeechRecognizer
{
    public const string HttpClientName = "azure-speech";

    public async Task<string?> RecognizeAsync(short[] audio, SpeechGrammar grammar, CancellationToken cancellationToken)
    {
        var azure = options.Value.Azure;
        var url = new Uri(AzureSpeech.BaseUrl(azure, "stt"),
            $"speech/recognition/conversation/cognitiveservices/v1?language={Uri.EscapeDataString(azure.Language)}&format=simple");
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new ByteArrayContent(Wav.Write(Resampler.Resample(audio, 8000, 16_000), 16_000)),
        };
        // Azure's documented value; "codecs=audio/pcm" is not a valid header token, so it is set as written.
        request.Content.Headers.TryAddWithoutValidation("Content-Type", "audio/wav; codecs=audio/pcm; samplerate=16000");
        request.Headers.Add(AzureSpeech.KeyHeader, azure.Key);
        request.Headers.Accept.ParseAdd("application/json");
        using var response = await AzureSpeech.SendAsync(http, request, options.Value, cancellationToken);
        AzureRecognition? result;
        try
        {
            result = await response.Content.ReadFromJsonAsync<AzureRecognition>(cancellationToken);
        }
        catch (JsonException e)
        {
            throw new SpeechException("Azure speech-to-text answered something other than its JSON result.", e);
        }
        return result is { RecognitionStatus: "Success", DisplayText: { Length: > 0 } text } ? text : null;
    }

    private sealed record AzureRecognition(string? RecognitionStatus, string? DisplayText);
}
