namespace OperatorOne.Tests.Deploy;

/// <summary>Each overlay, rendered by `kubectl kustomize`, runs the bot the way the code expects to be run.</summary>
public sealed class KubernetesManifestTests
{
    public static TheoryData<string> Overlays => ["vps", "production"];

    private static readonly string[] ChannelPaths =
        ["/", "/lib", "/v3/directline", "/api/messages", "/api/slack", "/api/voice", "/admin/v1", "/openapi", "/health"];

    [Theory]
    [MemberData(nameof(Overlays))]
    public void OverlayRendersEveryPieceOfTheDeployment(string overlay)
    {
        var manifests = Kustomize.Render(overlay);

        Assert.Equal("apps/v1", manifests.Single("Deployment")["apiVersion"].Text);
        Assert.Equal("batch/v1", manifests.Single("Job")["apiVersion"].Text);
        Assert.Equal("autoscaling/v2", manifests.Single("HorizontalPodAutoscaler")["apiVersion"].Text);
        Assert.Equal("policy/v1", manifests.Single("PodDisruptionBudget")["apiVersion"].Text);
        Assert.Equal("networking.k8s.io/v1", manifests.Single("Ingress")["apiVersion"].Text);
        Assert.Single(manifests.All("Service"));
        Assert.Single(manifests.All("ConfigMap"));
        Assert.Equal(2, manifests.All("Secret").Count());
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void ProbesHitTheBotsHealthEndpointsOnItsPort(string overlay)
    {
        var bot = RenderedManifests.Container(Kustomize.Render(overlay).Single("Deployment"));

        Assert.Equal("/health/ready", bot["readinessProbe"]["httpGet"]["path"].Text);
        Assert.Equal("/health/live", bot["livenessProbe"]["httpGet"]["path"].Text);
        Assert.Equal("/health/live", bot["startupProbe"]["httpGet"]["path"].Text);
        var port = Assert.Single(bot["ports"].Items);
        Assert.Equal(8080, port["containerPort"].Number);
        foreach (var probe in new[] { "readinessProbe", "livenessProbe", "startupProbe" })
        {
            Assert.Equal(port["name"].Text, bot[probe]["httpGet"]["port"].Text);
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void BotAndMigrationRunAsNonRootOnAReadOnlyRootFilesystemWithAWritableTmp(string overlay)
    {
        var manifests = Kustomize.Render(overlay);
        var dockerUser = DockerfileTests.ImageUser();

        foreach (var workload in new[] { manifests.Single("Deployment"), manifests.Single("Job") })
        {
            var pod = workload["spec"]["template"]["spec"];
            var container = RenderedManifests.Container(workload);
            Assert.Equal("true", pod["securityContext"]["runAsNonRoot"].Text);
            Assert.Equal(dockerUser, pod["securityContext"]["runAsUser"].Number);
            Assert.Equal("true", container["securityContext"]["readOnlyRootFilesystem"].Text);
            Assert.Equal("false", container["securityContext"]["allowPrivilegeEscalation"].Text);
            Assert.Contains("ALL", container["securityContext"]["capabilities"]["drop"].Items.Select(i => i.Text));
            var tmp = Assert.Single(container["volumeMounts"].Items, m => m["mountPath"].Text == "/tmp");
            var volume = Assert.Single(pod["volumes"].Items, v => v["name"].Text == tmp["name"].Text);
            Assert.True(volume["emptyDir"].Exists, "/tmp must be an emptyDir, the one writable place.");
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void ReplicasNeverMigrateAndNeverSeeTheOwnerConnection(string overlay)
    {
        var manifests = Kustomize.Render(overlay);
        var environment = manifests.Environment(RenderedManifests.Container(manifests.Single("Deployment")));

        Assert.Equal("false", environment["Database__MigrateOnStart"]);
        Assert.DoesNotContain("ConnectionStrings__OperatorOneMigrations", environment.Keys);
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void MigrationJobRunsMigrateAsTheOwnerWithTheReleasesImageUnderTheReleasesName(string overlay)
    {
        var manifests = Kustomize.Render(overlay);
        var job = manifests.Single("Job");
        var migrate = RenderedManifests.Container(job);
        var image = RenderedManifests.Container(manifests.Single("Deployment"))["image"].Text ?? "";

        Assert.Equal(["migrate"], migrate["args"].Items.Select(a => a.Text));
        Assert.False(migrate["command"].Exists, "The image's entrypoint (the bot) must receive `migrate` as its first argument.");
        Assert.Equal(image, migrate["image"].Text);
        Assert.Equal($"operatorone-migrate-{image[(image.LastIndexOf(':') + 1)..]}", job["metadata"]["name"].Text);
        Assert.Equal("Never", job["spec"]["template"]["spec"]["restartPolicy"].Text);
        var environment = manifests.Environment(migrate);
        Assert.Contains("ConnectionStrings__OperatorOneMigrations", environment.Keys);
        Assert.DoesNotContain("ConnectionStrings__OperatorOne", environment.Keys);
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void EverySettingTheManifestsSetIsOneTheBotReads(string overlay)
    {
        var manifests = Kustomize.Render(overlay);
        var names = manifests.Environment(RenderedManifests.Container(manifests.Single("Deployment"))).Keys
            .Concat(manifests.Environment(RenderedManifests.Container(manifests.Single("Job"))).Keys)
            .Concat(manifests.All("ConfigMap").Concat(manifests.All("Secret")).SelectMany(o => o["data"].Keys))
            .Distinct();

        var unknown = names.Where(name => !BotSettings.Current.Reads(BotSettings.ConfigurationKey(name))).ToList();

        Assert.True(unknown.Count == 0, $"The {overlay} manifests set settings the bot never reads: {string.Join(", ", unknown)}.");
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void TheBotAndTheMigrationGetEverySettingTheyRequire(string overlay)
    {
        var manifests = Kustomize.Render(overlay);
        var bot = manifests.Environment(RenderedManifests.Container(manifests.Single("Deployment"))).Keys.Select(BotSettings.ConfigurationKey);
        var migrate = manifests.Environment(RenderedManifests.Container(manifests.Single("Job"))).Keys.Select(BotSettings.ConfigurationKey);

        Assert.All(BotSettings.RequiredByBot, key => Assert.Contains(key, bot));
        Assert.All(BotSettings.RequiredByMigrate, key => Assert.Contains(key, migrate));
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void CommittedSecretsHoldPlaceholdersOnly(string overlay)
    {
        var manifests = Kustomize.Render(overlay);
        foreach (var secret in manifests.All("Secret"))
        {
            foreach (var key in secret["data"].Keys)
            {
                var value = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(secret["data"][key].Text ?? ""));
                Assert.Contains("REPLACE_ME", value, StringComparison.Ordinal);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void IngressRoutesEveryChannelPathToTheBotsService(string overlay)
    {
        var manifests = Kustomize.Render(overlay);
        var service = manifests.Single("Service");
        var deployment = manifests.Single("Deployment");
        var paths = manifests.Single("Ingress")["spec"]["rules"].Items.SelectMany(rule => rule["http"]["paths"].Items).ToList();

        Assert.Equal(ChannelPaths.Order(StringComparer.Ordinal), paths.Select(p => p["path"].Text ?? "").Order(StringComparer.Ordinal));
        Assert.All(paths, path =>
        {
            Assert.Equal(service["metadata"]["name"].Text, path["backend"]["service"]["name"].Text);
            Assert.Equal(service["spec"]["ports"][0]["name"].Text, path["backend"]["service"]["port"]["name"].Text);
        });
        Assert.Equal(RenderedManifests.Container(deployment)["ports"][0]["name"].Text, service["spec"]["ports"][0]["targetPort"].Text);
        var podLabels = deployment["spec"]["template"]["metadata"]["labels"];
        Assert.All(service["spec"]["selector"].Keys, key => Assert.Equal(service["spec"]["selector"][key].Text, podLabels[key].Text));
    }

    [Theory]
    [InlineData("vps", 1, 1, 2)]
    [InlineData("production", 3, 3, 10)]
    public void ReplicasAutoscalingAndDisruptionBudgetFitTheOverlay(string overlay, int replicas, int minReplicas, int maxReplicas)
    {
        var manifests = Kustomize.Render(overlay);
        var deployment = manifests.Single("Deployment");
        var autoscaler = manifests.Single("HorizontalPodAutoscaler")["spec"];
        var budget = manifests.Single("PodDisruptionBudget")["spec"];

        Assert.Equal(replicas, deployment["spec"]["replicas"].Number);
        Assert.Equal(minReplicas, autoscaler["minReplicas"].Number);
        Assert.Equal(maxReplicas, autoscaler["maxReplicas"].Number);
        Assert.Equal(deployment["metadata"]["name"].Text, autoscaler["scaleTargetRef"]["name"].Text);
        Assert.Equal("cpu", autoscaler["metrics"][0]["resource"]["name"].Text);
        var botLabels = deployment["spec"]["template"]["metadata"]["labels"];
        Assert.All(budget["selector"]["matchLabels"].Keys, key => Assert.Equal(budget["selector"]["matchLabels"][key].Text, botLabels[key].Text));
        if (replicas == 1)
        {
            // A single replica with minAvailable would block every node drain.
            Assert.Equal(1, budget["maxUnavailable"].Number);
            Assert.False(budget["minAvailable"].Exists);
        }
        else
        {
            Assert.Equal(2, budget["minAvailable"].Number);
        }
    }
}
