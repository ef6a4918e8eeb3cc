namespace OperatorOne.Skills.Integrations;

/// <summary>A call the outbound guard refused (a private address, a name that does not resolve); the message says why.</summary>
internal sealed class OutboundRefusedException(string message) : Exception(message);
