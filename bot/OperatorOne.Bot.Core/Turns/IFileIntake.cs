using OperatorOne.Bot.Core.Tools;

namespace OperatorOne.Bot.Core.Turns;

/// <summary>What takes files people send the bot (the documents skill); the seam keeps the core free of skills.</summary>
public interface IFileIntake
{
    /// <summary>The largest file taken, so channels can refuse bigger uploads before reading them.</summary>
    long MaxBytes { get; }

    /// <summary>Why a file would be refused (too large, unsupported, unreadable), for channels that can answer an upload with a 4xx; null when acceptable.</summary>
    FileRefusal? Inspect(InboundFile file);

    /// <summary>Takes the files of one message; <paramref name="text"/> is what the person typed with them, if anything.</summary>
    Task<IReadOnlyList<Reply>> TakeAsync(IReadOnlyList<InboundFile> files, string? text, ToolContext context, CancellationToken cancellationToken);
}

/// <summary>Why a file is refused, with the HTTP status an upload endpoint answers (413, 415 or 400).</summary>
public sealed record FileRefusal(int StatusCode, string Reason);
