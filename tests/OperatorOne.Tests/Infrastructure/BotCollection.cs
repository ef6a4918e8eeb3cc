namespace OperatorOne.Tests.Infrastructure;

/// <summary>Integration tests share one running bot; each test makes its own organization.</summary>
[CollectionDefinition(Name)]
public sealed class BotCollection : ICollectionFixture<BotHost>
{
    public const string Name = "bot";
}
