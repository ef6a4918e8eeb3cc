using System.Reflection;
using System.Text.RegularExpressions;

namespace OperatorOne.Tests.Deploy;

/// <summary>
/// The settings the bot reads, derived from its source so the list follows the code: connection string names,
/// literal configuration keys, and sections bound to options classes (their properties, by reflection). Only what
/// the framework reads on the bot's behalf is listed by hand.
/// </summary>
internal sealed partial class BotSettings
{
    private static readonly string[] SourceFolders = ["bot", "channels", "skills", "data", "admin-api"];

    /// <summary>Read by ASP.NET Core itself (host and logging), not by our code.</summary>
    private static readonly string[] FrameworkKeys = ["ASPNETCORE_ENVIRONMENT", "ASPNETCORE_URLS", "AllowedHosts"];
    private static readonly string[] FrameworkSections = ["Logging"];

    /// <summary>The settings a deployment must always provide: what the bot cannot start or migrate without.</summary>
    public static readonly string[] RequiredByBot = ["ConnectionStrings:OperatorOne", "Secrets:Key"];
    public static readonly string[] RequiredByMigrate = ["ConnectionStrings:OperatorOneMigrations"];

    private readonly HashSet<string> _keys = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _sections = new(StringComparer.OrdinalIgnoreCase);

    public static BotSettings Current { get; } = Scan();

    public IReadOnlyCollection<string> Keys => _keys;

    /// <summary>Sections read as a whole whose keys cannot be listed (no options class found).</summary>
    public IReadOnlyCollection<string> OpenSections => _sections;

    /// <summary>Environment variable form (`__` for sections) to configuration key form (`:`).</summary>
    public static string ConfigurationKey(string environmentName) => environmentName.Replace("__", ":", StringComparison.Ordinal);

    public bool Reads(string configurationKey) =>
        _keys.Contains(configurationKey) || _sections.Any(section => configurationKey.StartsWith(section + ":", StringComparison.OrdinalIgnoreCase));

    private static BotSettings Scan()
    {
        var settings = new BotSettings();
        settings._keys.UnionWith(FrameworkKeys);
        settings._sections.UnionWith(FrameworkSections);
        var optionTypes = OptionTypes();
        var files = SourceFolders
            .Select(RepositoryFiles.PathOf)
            .Where(Directory.Exists)
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories))
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !path.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        var sectionsRead = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in files)
        {
            settings.AddFrom(File.ReadAllText(file), optionTypes, sectionsRead);
        }
        // A section read somewhere without an options class we can see: accept any key under it.
        settings._sections.UnionWith(sectionsRead.Where(section =>
            !settings._keys.Any(key => key.StartsWith(section + ":", StringComparison.OrdinalIgnoreCase))));
        return settings;
    }

    private void AddFrom(string source, IReadOnlyDictionary<string, Type> optionTypes, HashSet<string> sectionsRead)
    {
        // A file may declare one name twice (in two nested types); the first is enough to name a connection string.
        var constants = ConstantPattern().Matches(source).DistinctBy(m => m.Groups["name"].Value)
            .ToDictionary(m => m.Groups["name"].Value, m => m.Groups["value"].Value);
        foreach (Match match in ConnectionStringPattern().Matches(source))
        {
            var argument = match.Groups["argument"].Value;
            var name = argument.StartsWith('"') ? argument.Trim('"') : constants.GetValueOrDefault(argument);
            if (name is not null)
            {
                _keys.Add($"ConnectionStrings:{name}");
            }
        }
        foreach (Match match in IndexerKeyPattern().Matches(source))
        {
            _keys.Add(match.Groups["key"].Value);
        }
        foreach (Match match in BoundSectionPattern().Matches(source))
        {
            var type = match.Groups["before"].Success ? match.Groups["before"].Value : match.Groups["after"].Value;
            if (SectionOf(match, optionTypes) is { } section)
            {
                AddSection(section, optionTypes.GetValueOrDefault(type));
            }
        }
        foreach (Match match in SectionPattern().Matches(source))
        {
            if (SectionOf(match, optionTypes) is { } section)
            {
                sectionsRead.Add(section);
            }
        }
    }

    /// <summary>A section named by a literal ("Llm") or by its options' constant (LlmOptions.Section).</summary>
    private static string? SectionOf(Match match, IReadOnlyDictionary<string, Type> optionTypes) =>
        match.Groups["section"].Success
            ? match.Groups["section"].Value
            : optionTypes.GetValueOrDefault(match.Groups["holder"].Value)?.GetField("Section", BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue() as string;

    private void AddSection(string section, Type? options)
    {
        if (options is null)
        {
            _sections.Add(section);
            return;
        }
        foreach (var property in options.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod?.IsPublic == true))
        {
            var simple = property.PropertyType.IsPrimitive || property.PropertyType.IsEnum
                || property.PropertyType == typeof(string) || property.PropertyType == typeof(decimal)
                || property.PropertyType == typeof(TimeSpan) || property.PropertyType == typeof(Uri)
                || Nullable.GetUnderlyingType(property.PropertyType) is not null;
            if (simple)
            {
                _keys.Add($"{section}:{property.Name}");
            }
            else
            {
                _sections.Add($"{section}:{property.Name}");
            }
        }
    }

    /// <summary>Every class in the bot's own assemblies, by simple name (options classes are found by the name the source uses).</summary>
    private static Dictionary<string, Type> OptionTypes()
    {
        var bot = typeof(Program).Assembly;
        var assemblies = bot.GetReferencedAssemblies()
            .Where(name => name.Name?.StartsWith("OperatorOne.", StringComparison.Ordinal) == true)
            .Select(Assembly.Load)
            .Append(bot);
        var types = new Dictionary<string, Type>();
        foreach (var type in assemblies.SelectMany(assembly => assembly.GetTypes()).Where(type => type.IsClass && !type.IsAbstract))
        {
            types.TryAdd(type.Name, type);
        }
        return types;
    }

    [GeneratedRegex("""const\s+string\s+(?<name>\w+)\s*=\s*"(?<value>[^"]+)"\s*;""")]
    private static partial Regex ConstantPattern();

    [GeneratedRegex("""GetConnectionString\(\s*(?<argument>"[^"]+"|\w+)\s*\)""")]
    private static partial Regex ConnectionStringPattern();

    /// <summary>configuration["Section:Key"] (interpolated keys are writes of known keys, not new settings).</summary>
    [GeneratedRegex("""[Cc]onfiguration\s*\[\s*"(?<key>[A-Za-z0-9_]+(?::[A-Za-z0-9_]+)+)"\s*\]""")]
    private static partial Regex IndexerKeyPattern();

    /// <summary>
    /// GetSection("X").Get&lt;T&gt;(), AddOptions&lt;T&gt;().Bind(…GetSection("X")), Configure&lt;T&gt;(…GetSection("X")),
    /// AddOptions&lt;T&gt;().BindConfiguration("X").
    /// </summary>
    [GeneratedRegex("""(?:(?:AddOptions|Configure)<(?<before>\w+)>\([^;]*?(?:GetSection|BindConfiguration)\(\s*(?:"(?<section>\w+)"|(?<holder>\w+)\.Section)\s*\))|(?:GetSection\(\s*(?:"(?<section>\w+)"|(?<holder>\w+)\.Section)\s*\)\s*\.\s*Get<(?<after>\w+)>)""")]
    private static partial Regex BoundSectionPattern();

    [GeneratedRegex("""GetSection\(\s*(?:"(?<section>\w+)"|(?<holder>\w+)\.Section)\s*\)""")]
    private static partial Regex SectionPattern();
}
