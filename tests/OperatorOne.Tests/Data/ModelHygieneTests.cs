using Microsoft.EntityFrameworkCore;
using OperatorOne.Data;
using OperatorOne.Tests.Deploy;

namespace OperatorOne.Tests.Data;

/// <summary>What `data/migration.sh` checks by hand, checked on every run: the entities and the one migration agree.</summary>
public sealed class ModelHygieneTests
{
    [Fact]
    public void TheModelHasNoChangesTheInitialMigrationLacks()
    {
        using var db = new DesignTimeDbFactory().CreateDbContext([]);

        Assert.False(db.Database.HasPendingModelChanges(), "The entities changed without the migration: run data/migration.sh.");
    }

    [Fact]
    public void NoToolPullsServicesFromItsContext()
    {
        // Tools declare what they need as parameters (resolved per call); the context's container is the executor's business.
        var offenders = Directory.EnumerateFiles(RepositoryFiles.PathOf("skills"), "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(path => File.ReadAllText(path).Contains("context.Services", StringComparison.Ordinal))
            .Select(path => Path.GetRelativePath(RepositoryFiles.Root, path))
            .ToList();

        Assert.Empty(offenders);
    }
}
