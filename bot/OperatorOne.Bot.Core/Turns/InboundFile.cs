namespace OperatorOne.Bot.Core.Turns;

/// <summary>
/// A file that came with a message, already fetched by the channel adapter (Direct Line upload, Teams download URL,
/// Slack url_private); <see cref="Problem"/> says why it could not be fetched instead.
/// </summary>
public sealed record InboundFile(string Name, string ContentType, byte[] Bytes)
{
    public string? Problem { get; init; }

    public static InboundFile Failed(string name, string problem) => new(name, "application/octet-stream", []) { Problem = problem };
}
