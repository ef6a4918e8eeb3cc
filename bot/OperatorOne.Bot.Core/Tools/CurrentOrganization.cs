namespace OperatorOne.Bot.Core.Tools;

/// <summary>
/// The organization a tool call runs in, for a tool that stamps it on the rows it adds or signs it into a link. Its own
/// type so a handler can ask for it as a parameter: a bare <see cref="Guid"/> parameter would be an argument.
/// </summary>
public readonly record struct CurrentOrganization(Guid Id);
