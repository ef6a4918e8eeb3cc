using OperatorOne.Bot.Core.Tools;

namespace OperatorOne.Bot.Core.Turns;

/// <summary>What takes files people send the bot (the documents skill); the seam keeps the core free of skills.</summary>
public interface IFileIntake
{
    /// <summary>Takes the files of one message; <paramref name="text"/> is what the person typed with them, if anything.</summary>
    Task<IReadOnlyList<Reply>> TakeAsync(IReadOnlyList<InboundFile> files, string? text, ToolContext context, CancellationToken cancellationToken);
}
