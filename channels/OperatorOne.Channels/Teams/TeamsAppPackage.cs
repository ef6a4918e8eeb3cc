using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace OperatorOne.Channels.Teams;

/// <summary>
/// The Teams app package, filled in, as manifests/teams/package.py builds it: manifest.json with the app id and the
/// bot's domain, and its two icons, at the root of a zip (Teams refuses a package whose files sit in a folder).
/// </summary>
internal sealed partial class TeamsAppPackage(IOptions<TeamsOptions> options)
{
    private const string Prefix = "OperatorOne.Channels.Teams.";

    /// <summary>The zip, or why it cannot be made (no app id configured, or no domain known).</summary>
    public (byte[]? Zip, string? Problem) Build(string? domain)
    {
        if (!Guid.TryParse(options.Value.AppId, out var appId))
        {
            return (null, "Teams__AppId is not set: the package needs the bot's Microsoft App ID.");
        }
        var host = domain?.Trim().ToLowerInvariant() ?? "";
        if (!Domain().IsMatch(host))
        {
            return (null, $"'{domain}' is not a public host name; set Onboarding__PublicBaseUrl to the bot's https address.");
        }
        var text = Read("manifest.json").Replace("{{APP_ID}}", appId.ToString(), StringComparison.Ordinal).Replace("{{DOMAIN}}", host, StringComparison.Ordinal);
        var manifest = JsonNode.Parse(text)!.AsObject();
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Write(zip, "manifest.json", System.Text.Encoding.UTF8.GetBytes(manifest.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n"));
            foreach (var icon in new[] { manifest["icons"]!["color"]!.GetValue<string>(), manifest["icons"]!["outline"]!.GetValue<string>() })
            {
                Write(zip, icon, ReadBytes(icon));
            }
        }
        return (buffer.ToArray(), null);
    }

    private static void Write(ZipArchive zip, string name, byte[] bytes)
    {
        using var entry = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
        entry.Write(bytes);
    }

    private static string Read(string name) => System.Text.Encoding.UTF8.GetString(ReadBytes(name));

    private static byte[] ReadBytes(string name)
    {
        using var stream = typeof(TeamsAppPackage).Assembly.GetManifestResourceStream(Prefix + name)
            ?? throw new InvalidOperationException($"The Teams manifest file {name} is not embedded.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    [GeneratedRegex(@"^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$")]
    private static partial Regex Domain();
}
