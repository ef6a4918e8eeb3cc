namespace OperatorOne.Tests.Deploy;

/// <summary>Paths in the repository the tests run from (found by walking up to OperatorOne.sln).</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(string relativePath) => Path.Combine(Root, relativePath.Replace('/', Path.DirectorySeparatorChar));

    public static string Read(string relativePath) => File.ReadAllText(PathOf(relativePath));

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "OperatorOne.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException($"OperatorOne.sln not found above {AppContext.BaseDirectory}.");
    }
}
