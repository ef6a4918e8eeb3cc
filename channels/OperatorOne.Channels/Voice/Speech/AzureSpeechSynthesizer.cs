using System.Net.Http.Headers;
using System.Xml.Linq;
using Microsoft.Extensions.Options;

namespace OperatorOne.Channels.Voice.Speech;

/// <summary>Azure AI Speech text to speech over REST: SSML in, raw 8 kHz μ-law out (exactly what a Media Stream plays).</summary>
internal sealed class AzureSpeechSynthesizer(HttpClient http, IOptions<SpeechOptions> options) : ISpeechSynthesizer
{
    public const string OutputFormat = "raw-8khz-8bit-mono-mulaw";

    public async Task<byte[]> SynthesizeAsync(string text, CancellationToken cancellationToken)
    {
        var azure = options.Value.Azure;
        XNamespace xml = "http://www.w3.org/XML/1998/namespace";
        // Built as XML so the reply text is escaped, never spliced into markup.
        var ssml = new XElement("speak", new XAttribute("version", "1.0"), new XAttribute(xml + "lang", azure.Language),
            new XElement("voice", new XAttribute("name", azure.Voice), text));
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(AzureSpeech.BaseUrl(azure, "tts"), "cognitiveservices/v1"))
        {
            Content = new StringContent(ssml.ToString(SaveOptions.DisableFormatting)),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/ssml+xml");
        request.Headers.Add(AzureSpeech.KeyHeader, azure.Key);
        request.Headers.Add("X-Microsoft-OutputFormat", OutputFormat);
        request.Headers.UserAgent.ParseAdd("OperatorOne");
        using var response = await AzureSpeech.SendAsync(http, request, options.Value, cancellationToken);
        return await response.Content.ReadAsByteArrayAsync(cancellationToken);
    }
}

/// <summary>What both Azure speech calls share: the regional endpoints (or the configured base URL), the key header, errors.</summary>
internal static class AzureSpeech
{
    public const string KeyHeader = "Ocp-Apim-Subscription-Key";

    public static Uri BaseUrl(AzureSpeechOptions azure, string service) =>
        azure.BaseUrl is { } configured
            ? new Uri(configured.AbsoluteUri.TrimEnd('/') + "/")
            : new Uri($"https://{azure.Region}.{service}.speech.microsoft.com/");

    public static async Task<HttpResponseMessage> SendAsync(HttpClient http, HttpRequestMessage request, SpeechOptions options, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(options.TimeoutSeconds));
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, deadline.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new SpeechException($"Azure speech did not answer within {options.TimeoutSeconds} s.");
        }
        catch (HttpRequestException e)
        {
            throw new SpeechException("Azure speech is unreachable.", e);
        }
        if (!response.IsSuccessStatusCode)
        {
            response.Dispose();
            throw new SpeechException($"Azure speech answered {(int)response.StatusCode} to {request.RequestUri?.AbsolutePath}.");
        }
        return response;
    }
}
