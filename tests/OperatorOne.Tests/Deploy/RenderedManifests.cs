using System.Text;

namespace OperatorOne.Tests.Deploy;

/// <summary>The objects one overlay renders to, with the lookups the deploy tests need.</summary>
internal sealed class RenderedManifests(IReadOnlyList<YamlNode> objects)
{
    public IReadOnlyList<YamlNode> Objects { get; } = objects;

    public YamlNode Single(string kind) => Objects.Single(o => o["kind"].Text == kind);

    public IEnumerable<YamlNode> All(string kind) => Objects.Where(o => o["kind"].Text == kind);

    public YamlNode Named(string kind, string name) =>
        Objects.SingleOrDefault(o => o["kind"].Text == kind && o["metadata"]["name"].Text == name)
        ?? throw new InvalidOperationException($"No {kind} named {name} is rendered.");

    public static YamlNode Container(YamlNode workload) => workload["spec"]["template"]["spec"]["containers"][0];

    /// <summary>Every environment variable a container gets, by name: its own env plus every key of the ConfigMaps and Secrets it loads.</summary>
    public IReadOnlyDictionary<string, string> Environment(YamlNode container)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var source in container["envFrom"].Items)
        {
            var (kind, reference) = source["configMapRef"].Exists ? ("ConfigMap", source["configMapRef"]) : ("Secret", source["secretRef"]);
            var data = Named(kind, reference["name"].Text ?? "")["data"];
            foreach (var key in data.Keys)
            {
                var value = data[key].Text ?? "";
                environment[key] = kind == "Secret" ? Encoding.UTF8.GetString(Convert.FromBase64String(value)) : value;
            }
        }
        foreach (var variable in container["env"].Items)
        {
            environment[variable["name"].Text ?? ""] = variable["value"].Text ?? "";
        }
        return environment;
    }
}
