using System.ComponentModel;
using System.Diagnostics;

namespace OperatorOne.Tests.Deploy;

/// <summary>Renders an overlay the way an operator does: `kubectl kustomize deploy/k8s/overlays/&lt;name&gt;`.</summary>
internal static class Kustomize
{
    private const string Requirement =
        "The deploy tests need kubectl 1.24 or newer on PATH (its Kustomize must know `replacements`; tested with " +
        "kubectl 1.32, Kustomize v5.5). Debian's kubernetes-client package (1.20) embeds Kustomize v2.0.3, which cannot " +
        "render these overlays; install kubectl from https://pkgs.k8s.io (see deploy/README.md).";

    private static readonly Dictionary<string, RenderedManifests> Cache = [];
    private static readonly Lock CacheLock = new();

    public static RenderedManifests Render(string overlay)
    {
        lock (CacheLock)
        {
            if (!Cache.TryGetValue(overlay, out var manifests))
            {
                manifests = new RenderedManifests(YamlNode.ParseAll(Run(RepositoryFiles.PathOf($"deploy/k8s/overlays/{overlay}"))));
                Cache[overlay] = manifests;
            }
            return manifests;
        }
    }

    private static string Run(string directory)
    {
        var start = new ProcessStartInfo("kubectl", ["kustomize", directory])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException(Requirement);
        }
        catch (Win32Exception ex)
        {
            throw new InvalidOperationException($"kubectl was not found. {Requirement}", ex);
        }
        using (process)
        {
            var error = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            if (!process.WaitForExit(TimeSpan.FromMinutes(1)))
            {
                process.Kill(entireProcessTree: true);
                throw new InvalidOperationException($"kubectl kustomize {directory} did not finish within a minute.");
            }
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException(
                    $"kubectl kustomize {directory} failed (exit {process.ExitCode}): {error.GetAwaiter().GetResult()}\n{Requirement}");
            }
            return output;
        }
    }
}
