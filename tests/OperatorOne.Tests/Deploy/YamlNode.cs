using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace OperatorOne.Tests.Deploy;

/// <summary>A read-only walk over untyped YAML: a missing key or index yields an empty node rather than throwing.</summary>
internal sealed record YamlNode(object? Value)
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder().Build();

    public YamlNode this[string key] =>
        Value is IDictionary<object, object> map && map.TryGetValue(key, out var child) ? new YamlNode(child) : new YamlNode((object?)null);

    public YamlNode this[int index] => Items.ElementAtOrDefault(index) ?? new YamlNode((object?)null);

    public bool Exists => Value is not null;

    public string? Text => Value as string;

    public int? Number => int.TryParse(Text, out var number) ? number : null;

    public IReadOnlyList<YamlNode> Items => Value is IList<object> list ? [.. list.Select(item => new YamlNode(item))] : [];

    public IReadOnlyList<string> Keys => Value is IDictionary<object, object> map ? [.. map.Keys.Select(key => key.ToString() ?? "")] : [];

    /// <summary>Every document of a multi-document YAML stream (kubectl kustomize output, a compose file).</summary>
    public static IReadOnlyList<YamlNode> ParseAll(string yaml)
    {
        // MergingParser resolves `<<: *anchor` merge keys, which the compose file uses.
        var parser = new MergingParser(new Parser(new StringReader(yaml)));
        parser.Consume<StreamStart>();
        var documents = new List<YamlNode>();
        while (parser.Accept<DocumentStart>(out _))
        {
            documents.Add(new YamlNode(Deserializer.Deserialize<object>(parser)));
        }
        return documents;
    }

    public static YamlNode Parse(string yaml) => ParseAll(yaml).Single();
}
