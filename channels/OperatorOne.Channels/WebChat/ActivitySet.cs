using System.Globalization;
using System.Text.Json;
using OperatorOne.Bot.Core.Activities;

namespace OperatorOne.Channels.WebChat;

/// <summary>The Direct Line ActivitySet <c>{"activities":[…],"watermark":"7"}</c>, sent by GET activities and the stream.</summary>
internal sealed record ActivitySet(IReadOnlyList<JsonElement> Activities, string Watermark)
{
    /// <summary>The entries as a client receives them, links to the bot's own paths absolute under <paramref name="linkBase"/>.</summary>
    public static ActivitySet From(IReadOnlyList<LogEntry> entries, int watermark, Uri? linkBase) => new(
        [.. entries.Select(e => WebChatLinks.Absolute(e.Activity, linkBase))],
        Format(entries.Count > 0 ? entries[^1].Watermark : watermark));

    public byte[] ToUtf8() => JsonSerializer.SerializeToUtf8Bytes(this, BotJson.Options);

    public static string Format(int watermark) => watermark.ToString(CultureInfo.InvariantCulture);

    /// <summary>Watermarks are opaque to clients; anything we did not issue counts as "from the start".</summary>
    public static int Parse(string? watermark) =>
        int.TryParse(watermark, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : 0;
}
