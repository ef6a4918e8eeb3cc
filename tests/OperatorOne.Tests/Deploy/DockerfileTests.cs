namespace OperatorOne.Tests.Deploy;

/// <summary>The image (no container engine here, so read, not built): a non-root bot on 8080 whose health check asks /health/live.</summary>
public sealed class DockerfileTests
{
    private static readonly string[] Lines = RepositoryFiles.Read("deploy/container/Dockerfile").Split('\n');

    internal static int ImageUser()
    {
        var user = Lines.Last(line => line.StartsWith("USER ", StringComparison.Ordinal))["USER ".Length..].Trim();
        return int.Parse(user.Split(':')[0], System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public void ImageRunsAsANumericNonRootUser() => Assert.NotEqual(0, ImageUser());

    [Fact]
    public void ImageBuildsWithTheSdkAndRunsOnTheAspNetRuntime()
    {
        var stages = Lines.Where(line => line.StartsWith("FROM ", StringComparison.Ordinal)).ToList();

        Assert.Equal(2, stages.Count);
        Assert.StartsWith("FROM mcr.microsoft.com/dotnet/sdk:10.0 ", stages[0], StringComparison.Ordinal);
        Assert.StartsWith("FROM mcr.microsoft.com/dotnet/aspnet:10.0 ", stages[1], StringComparison.Ordinal);
        Assert.Contains(Lines, line => line.Contains("dotnet publish bot/OperatorOne.Bot/OperatorOne.Bot.csproj", StringComparison.Ordinal));
        Assert.Contains(Lines, line => line.Contains("ASPNETCORE_URLS=http://+:8080", StringComparison.Ordinal));
        Assert.Contains("ENTRYPOINT [\"dotnet\", \"OperatorOne.Bot.dll\"]", Lines);
    }

    [Fact]
    public void HealthCheckAsksTheLivenessEndpoint()
    {
        Assert.Contains(Lines, line => line.StartsWith("HEALTHCHECK ", StringComparison.Ordinal) && line.Contains("operatorone-healthcheck", StringComparison.Ordinal));
        Assert.Contains("GET /health/live HTTP/1.1", RepositoryFiles.Read("deploy/container/healthcheck.sh"), StringComparison.Ordinal);
    }

    [Fact]
    public void BuildContextKeepsOutLocalBuildsDataAndSecretsButNotTheHealthCheck()
    {
        var ignored = RepositoryFiles.Read("deploy/container/Dockerfile.dockerignore").Split('\n').Select(line => line.Trim()).ToList();

        Assert.Contains("**/bin/", ignored);
        Assert.Contains("**/obj/", ignored);
        Assert.Contains(".data/", ignored);
        Assert.Contains("**/*.env", ignored);
        Assert.Contains("!deploy/container/healthcheck.sh", ignored);
    }
}
