using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.Integrations;

/// <summary>
/// The real bot whose operator allow-list names 127.0.0.1 (where the tests' stand-in systems listen), and one local
/// receiver shared by the integration tests; each test uses its own paths and organization.
/// </summary>
public sealed class IntegrationsFixture : IAsyncLifetime
{
    public BotHost Host { get; } = new();
    public LocalReceiver Receiver { get; } = new();

    public async ValueTask InitializeAsync()
    {
        await Receiver.StartAsync();
        Host.Settings["Integrations:AllowedHosts:0"] = "127.0.0.1";
        // The longest a receiver may take: a held delivery then outlasts any test's wait, so none passes by its timeout.
        Host.Settings["Integrations:WebhookTimeoutSeconds"] = "60";
        await Host.InitializeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Receiver.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class IntegrationsCollection : ICollectionFixture<IntegrationsFixture>
{
    public const string Name = "integrations";
}
