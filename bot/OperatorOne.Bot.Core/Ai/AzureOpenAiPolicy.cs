using System.ClientModel.Primitives;

namespace OperatorOne.Bot.Core.Ai;

/// <summary>
/// Turns the OpenAI client's requests into Azure OpenAI's: the deployment path is in the endpoint, this adds the
/// api-version query and sends the key in the api-key header instead of a bearer token.
/// </summary>
internal sealed class AzureOpenAiPolicy(string apiVersion, string apiKey) : PipelinePolicy
{
    public override void Process(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        Prepare(message);
        ProcessNext(message, pipeline, currentIndex);
    }

    public override async ValueTask ProcessAsync(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        Prepare(message);
        await ProcessNextAsync(message, pipeline, currentIndex);
    }

    private void Prepare(PipelineMessage message)
    {
        var uri = message.Request.Uri!;
        var query = uri.Query.Length > 1 ? uri.Query[1..] + "&" : "";
        message.Request.Uri = new UriBuilder(uri) { Query = query + "api-version=" + Uri.EscapeDataString(apiVersion) }.Uri;
        message.Request.Headers.Remove("Authorization");
        message.Request.Headers.Set("api-key", apiKey);
    }
}
