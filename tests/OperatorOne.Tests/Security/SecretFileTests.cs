using OperatorOne.Data.Embedded;

namespace OperatorOne.Tests.Security;

/// <summary>The master key and the embedded server's passwords are readable by their owner only, whatever the umask.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class SecretFileTests : IDisposable
{
    private const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"op-secrets-{Guid.NewGuid():N}");

    [Fact]
    public void ASecretIsWrittenOwnerOnlyFromTheStartInAFolderOnlyItsOwnerEnters()
    {
        var folder = Path.Combine(_folder, "postgres.secrets");
        SecretFile.RestrictFolder(folder);
        var path = Path.Combine(folder, "runtime");

        SecretFile.Write(path, "s3cret");

        Assert.Equal(OwnerReadWrite, File.GetUnixFileMode(path));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(folder));
        Assert.Equal("s3cret", SecretFile.Read(path));
    }

    [Fact]
    public void AWorldReadableSecretFromAnOlderVersionIsClosedWhenRead()
    {
        Directory.CreateDirectory(_folder);
        var path = Path.Combine(_folder, "secret.key");
        File.WriteAllText(path, "old-key\n");
        File.SetUnixFileMode(path, OwnerReadWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        Assert.Equal("old-key", SecretFile.Read(path));

        Assert.Equal(OwnerReadWrite, File.GetUnixFileMode(path));
    }

    [Fact]
    public void AnExistingSecretIsNeverOverwritten()
    {
        var path = Path.Combine(_folder, "secret.key");
        SecretFile.Write(path, "first");

        Assert.Throws<IOException>(() => SecretFile.Write(path, "second"));
        Assert.Equal("first", SecretFile.Read(path));
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
