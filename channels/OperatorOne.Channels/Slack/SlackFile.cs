using System.Text.Json;
using System.Text.Json.Nodes;

namespace OperatorOne.Channels.Slack;

/// <summary>
/// A file shared with a Slack message, as the event describes it; stored with the queued work and downloaded by the
/// worker (<see cref="SlackFiles"/>), never during the signed request.
/// </summary>
internal sealed record SlackFile
{
    /// <summary>Slack allows ten files on one message; more in an event is not Slack's doing.</summary>
    public const int MaxPerMessage = 10;

    public required string Id { get; init; }
    public required string Name { get; init; }
    public string? MimeType { get; init; }

    /// <summary>The size Slack declares, checked against the cap before anything is downloaded.</summary>
    public long? Size { get; init; }

    /// <summary>url_private_download, else url_private; absent for deleted, hidden or inaccessible files.</summary>
    public Uri? Url { get; init; }

    /// <summary>The file objects of an event's <c>files</c> array; entries without an id are not files.</summary>
    public static IReadOnlyList<SlackFile> Read(JsonObject inner)
    {
        if (inner["files"] is not JsonArray files)
        {
            return [];
        }
        var found = new List<SlackFile>();
        foreach (var file in files.OfType<JsonObject>().Take(MaxPerMessage))
        {
            if (SlackJson.String(file, "id") is not { Length: > 0 } id)
            {
                continue;
            }
            var type = SlackJson.String(file, "filetype");
            found.Add(new SlackFile
            {
                Id = id,
                Name = SlackJson.String(file, "name") is { Length: > 0 } name ? name
                    : "file" + (type is { Length: > 0 } ? "." + type : ""),
                MimeType = SlackJson.String(file, "mimetype") is { Length: > 0 } mime ? mime : null,
                Size = file["size"] is JsonValue size && size.GetValueKind() == JsonValueKind.Number && size.TryGetValue<long>(out var bytes) ? bytes : null,
                Url = Address(SlackJson.String(file, "url_private_download")) ?? Address(SlackJson.String(file, "url_private")),
            });
        }
        return found;
    }

    private static Uri? Address(string? url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri : null;
}
