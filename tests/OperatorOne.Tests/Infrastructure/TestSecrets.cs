namespace OperatorOne.Tests.Infrastructure;

internal static class TestSecrets
{
    /// <summary>A fixed master key so tests can mint what the bot would (web chat tokens) without reaching into it.</summary>
    public const string MasterKey = "b3BlcmF0b3JvbmUtdGVzdC1tYXN0ZXIta2V5LTMyYiE=";

    /// <summary>The operator's key (AdminApi:OperatorKey) every test host is given.</summary>
    public const string OperatorKey = "op1-test-operator-key-0123456789abcdef0123456789";
}
