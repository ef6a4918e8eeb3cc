namespace OperatorOne.Tests.Deploy;

/// <summary>deploy/compose/compose.yaml: PostgreSQL, roles, migrate, then the bot, with only settings the bot reads.</summary>
public sealed class ComposeFileTests
{
    private static readonly YamlNode Services = YamlNode.Parse(RepositoryFiles.Read("deploy/compose/compose.yaml"))["services"];

    private static IReadOnlyList<string> EnvironmentNames(string service) => Services[service]["environment"].Keys;

    private static string? DependencyCondition(string service, string dependency) =>
        Services[service]["depends_on"][dependency]["condition"].Text;

    [Fact]
    public void MigrateRunsBeforeTheRuntimeRoleIsGrantedAndTheBotStartsLast()
    {
        Assert.Equal("service_healthy", DependencyCondition("db-init", "postgres"));
        Assert.Equal("service_completed_successfully", DependencyCondition("migrate", "db-init"));
        Assert.Equal("service_completed_successfully", DependencyCondition("db-runtime-role", "migrate"));
        Assert.Equal("service_completed_successfully", DependencyCondition("bot", "db-runtime-role"));
        Assert.Contains("/db/02-runtime-role.sql", Services["db-runtime-role"]["command"].Items.Select(i => i.Text));
        Assert.Contains("GRANT operatorone_app TO operatorone_runtime", RepositoryFiles.Read("deploy/compose/db/02-runtime-role.sql"), StringComparison.Ordinal);
    }

    [Fact]
    public void MigrateRunsTheBotImageWithMigrateAsTheOwner()
    {
        var migrate = Services["migrate"];

        Assert.Equal(["migrate"], migrate["command"].Items.Select(i => i.Text));
        Assert.Equal(Services["bot"]["image"].Text, migrate["image"].Text);
        Assert.Contains("Username=operatorone_owner", migrate["environment"]["ConnectionStrings__OperatorOneMigrations"].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void TheBotConnectsAsTheRuntimeRoleAndNeverMigrates()
    {
        var environment = Services["bot"]["environment"];

        Assert.Contains("Username=operatorone_runtime", environment["ConnectionStrings__OperatorOne"].Text, StringComparison.Ordinal);
        Assert.Equal("false", environment["Database__MigrateOnStart"].Text);
        Assert.DoesNotContain("ConnectionStrings__OperatorOneMigrations", EnvironmentNames("bot"));
    }

    [Fact]
    public void EverySettingComposeGivesTheBotIsOneTheBotReads()
    {
        var unknown = EnvironmentNames("bot").Concat(EnvironmentNames("migrate"))
            .Where(name => !BotSettings.Current.Reads(BotSettings.ConfigurationKey(name)))
            .ToList();

        Assert.True(unknown.Count == 0, $"compose.yaml sets settings the bot never reads: {string.Join(", ", unknown)}.");
    }

    [Fact]
    public void TheBotAndMigrateGetEverySettingTheyRequire()
    {
        Assert.All(BotSettings.RequiredByBot, key => Assert.Contains(key, EnvironmentNames("bot").Select(BotSettings.ConfigurationKey)));
        Assert.All(BotSettings.RequiredByMigrate, key => Assert.Contains(key, EnvironmentNames("migrate").Select(BotSettings.ConfigurationKey)));
    }

    [Fact]
    public void BotContainersRunWithAReadOnlyRootAndATmpfs()
    {
        foreach (var service in new[] { "bot", "migrate" })
        {
            Assert.Equal("true", Services[service]["read_only"].Text);
            Assert.Contains("/tmp", Services[service]["tmpfs"].Items.Select(i => i.Text));
        }
    }

    [Fact]
    public void OllamaStartsOnlyWithTheLlmProfile() =>
        Assert.Equal(["llm"], Services["ollama"]["profiles"].Items.Select(i => i.Text));
}
