using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace OperatorOne.Tests.Teams;

/// <summary>
/// manifests/teams checked against the published Teams manifest schema's rules for every field it uses (the schema
/// itself is third-party and not committed): required fields, formats, lengths, enumerations, and the icons.
/// </summary>
public sealed partial class TeamsManifestTests
{
    private static readonly string Folder = Path.Combine(RepositoryRoot(), "manifests", "teams");
    private static readonly string[] BotScopes = ["personal", "team", "groupChat", "copilot"];

    private static JsonObject Manifest() => JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, "manifest.json"))
        .Replace("{{APP_ID}}", "5b1f6c9e-2d47-4a8b-9c3e-7f0a1b2c3d4e", StringComparison.Ordinal)
        .Replace("{{DOMAIN}}", "bot.example.com", StringComparison.Ordinal))!.AsObject();

    [Fact]
    public void TemplateHasPlaceholdersForTheAppIdAndDomain()
    {
        var template = File.ReadAllText(Path.Combine(Folder, "manifest.json"));
        Assert.Contains("\"id\": \"{{APP_ID}}\"", template, StringComparison.Ordinal);
        Assert.Contains("\"botId\": \"{{APP_ID}}\"", template, StringComparison.Ordinal);
        Assert.Contains("{{DOMAIN}}", template, StringComparison.Ordinal);
    }

    [Fact]
    public void ManifestFollowsTheSchemaRulesForEveryFieldItUses()
    {
        var manifest = Manifest();
        foreach (var required in new[] { "manifestVersion", "version", "id", "developer", "name", "description", "icons", "accentColor" })
        {
            Assert.True(manifest.ContainsKey(required), $"missing required '{required}'");
        }
        var schemaVersion = SchemaUrl().Match(manifest["$schema"]!.GetValue<string>());
        Assert.True(schemaVersion.Success, "the $schema is not a Teams manifest schema URL");
        Assert.Equal(schemaVersion.Groups["v"].Value, manifest["manifestVersion"]!.GetValue<string>());
        Assert.True(Version.Parse(schemaVersion.Groups["v"].Value) >= new Version(1, 22), "pick a current schema (1.22 or later)");

        Assert.Matches(Semver(), manifest["version"]!.GetValue<string>());
        Assert.Matches(Guid(), manifest["id"]!.GetValue<string>());
        Assert.Matches("^#[0-9a-fA-F]{6}$", manifest["accentColor"]!.GetValue<string>());

        var developer = manifest["developer"]!.AsObject();
        Length(developer, "name", 1, 32);
        foreach (var url in new[] { "websiteUrl", "privacyUrl", "termsOfUseUrl" })
        {
            Length(developer, url, 1, 2048);
            Assert.StartsWith("https://", developer[url]!.GetValue<string>(), StringComparison.Ordinal);
        }
        Length(manifest["name"]!.AsObject(), "short", 1, 30);
        Length(manifest["name"]!.AsObject(), "full", 1, 100);
        Length(manifest["description"]!.AsObject(), "short", 1, 80);
        Length(manifest["description"]!.AsObject(), "full", 1, 4000);

        var bots = manifest["bots"]!.AsArray();
        Assert.Single(bots);
        var bot = bots[0]!.AsObject();
        Assert.Equal(manifest["id"]!.GetValue<string>(), bot["botId"]!.GetValue<string>());
        var scopes = Strings(bot["scopes"]);
        Assert.Equal(["personal", "team", "groupChat"], scopes);
        Assert.All(scopes, s => Assert.Contains(s, BotScopes));
        foreach (var list in bot["commandLists"]!.AsArray().Select(l => l!.AsObject()))
        {
            var listScopes = Strings(list["scopes"]);
            Assert.NotEmpty(listScopes);
            Assert.All(listScopes, s => Assert.Contains(s, scopes));
            var commands = list["commands"]!.AsArray();
            Assert.InRange(commands.Count, 1, 10);
            foreach (var command in commands.Select(c => c!.AsObject()))
            {
                Length(command, "title", 1, 32);
                Length(command, "description", 1, 128);
            }
        }
        Assert.All(Strings(manifest["permissions"]), p => Assert.Contains(p, new[] { "identity", "messageTeamMembers" }));
        Assert.All(Strings(manifest["validDomains"]), d =>
        {
            Assert.InRange(d.Length, 1, 2048);
            Assert.DoesNotContain("://", d, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void ColorIconIsA192PixelPng()
    {
        var icon = PngImage.Read(File.ReadAllBytes(Path.Combine(Folder, Manifest()["icons"]!["color"]!.GetValue<string>())));
        Assert.Equal((192, 192), (icon.Width, icon.Height));
    }

    [Fact]
    public void OutlineIconIsA32PixelWhiteOutlineOnTransparency()
    {
        var icon = PngImage.Read(File.ReadAllBytes(Path.Combine(Folder, Manifest()["icons"]!["outline"]!.GetValue<string>())));
        Assert.Equal((32, 32), (icon.Width, icon.Height));
        Assert.Equal(6, icon.ColorType);
        Assert.Equal(0, icon.Alpha(0, 0));
        var drawn = 0;
        for (var y = 0; y < icon.Height; y++)
        {
            for (var x = 0; x < icon.Width; x++)
            {
                var alpha = icon.Alpha(x, y);
                Assert.True(alpha is 0 or 255, $"pixel {x},{y} is half transparent");
                if (alpha == 255)
                {
                    drawn++;
                    Assert.Equal(((byte)255, (byte)255, (byte)255), icon.Color(x, y));
                }
            }
        }
        Assert.InRange(drawn, 1, (32 * 32) - 1);
    }

    private static void Length(JsonObject parent, string field, int min, int max)
    {
        Assert.True(parent[field] is JsonValue, $"'{field}' is required");
        Assert.InRange(parent[field]!.GetValue<string>().Length, min, max);
    }

    private static List<string> Strings(JsonNode? array) => array!.AsArray().Select(n => n!.GetValue<string>()).ToList();

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "OperatorOne.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException("OperatorOne.sln not found above the test binaries.");
    }

    [GeneratedRegex(@"^https://developer\.microsoft\.com/json-schemas/teams/v(?<v>1\.\d+)/MicrosoftTeams\.schema\.json$")]
    private static partial Regex SchemaUrl();

    [GeneratedRegex(@"^([0-9]|[1-9][0-9]*)\.([0-9]|[1-9][0-9]*)\.([0-9]|[1-9][0-9]*)$")]
    private static partial Regex Semver();

    [GeneratedRegex("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")]
    private static partial Regex Guid();
}
