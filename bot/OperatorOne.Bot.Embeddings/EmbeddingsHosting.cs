using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OperatorOne.Bot.Core.Recognition;

namespace OperatorOne.Bot.Embeddings;

public static class EmbeddingsHosting
{
    /// <summary>The built-in recognizer's semantic step (on unless <c>Recognition:Embeddings</c> is false).</summary>
    public static IHostApplicationBuilder AddSentenceEmbeddings(this IHostApplicationBuilder builder)
    {
        if (builder.Configuration.GetValue("Recognition:Embeddings", true))
        {
            builder.Services.AddSingleton<ISentenceEmbedder, MiniLmEmbedder>();
        }
        return builder;
    }

    /// <summary>The embedder itself, for eval-nlu and the benchmark (no host).</summary>
    public static ISentenceEmbedder Create() => new MiniLmEmbedder();
}
