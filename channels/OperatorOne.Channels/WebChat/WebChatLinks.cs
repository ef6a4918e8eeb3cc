using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using OperatorOne.Bot.Core.Invitations;

namespace OperatorOne.Channels.WebChat;

/// <summary>
/// Skills link to the bot's own paths (document downloads, .ics files) relatively unless a public address is set, and
/// Web Chat opens no relative link. So the chat makes them absolute as it hands activities out: under
/// Onboarding:PublicBaseUrl when set, else under the address this client reached the bot by. Links already absolute,
/// and protocol-relative ones, are left alone.
/// </summary>
internal static partial class WebChatLinks
{
    /// <summary>Null when the request names no usable host (an HTTP/1.0 client without one): links then stay as stored.</summary>
    public static Uri? Base(HttpRequest request, OnboardingOptions onboarding) =>
        onboarding.PublicBaseUrl ?? (request.Host.HasValue
            && Uri.TryCreate($"{request.Scheme}://{request.Host}{request.PathBase}/", UriKind.Absolute, out var own) ? own : null);

    /// <summary>The activity as stored, with markdown links in texts and card urls that start with one "/" made absolute.</summary>
    public static JsonElement Absolute(string activity, Uri? baseUrl)
    {
        if (baseUrl is null || !activity.Contains("](/", StringComparison.Ordinal) && !activity.Contains("\"url\":\"/", StringComparison.Ordinal))
        {
            return JsonSerializer.Deserialize<JsonElement>(activity);
        }
        var node = JsonNode.Parse(activity);
        Visit(node, baseUrl.AbsoluteUri.TrimEnd('/'));
        return JsonSerializer.SerializeToElement(node);
    }

    private static void Visit(JsonNode? node, string origin)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj.ToList())
                {
                    if (value is JsonValue text && text.TryGetValue<string>(out var s))
                    {
                        if (name == "text" && s.Contains("](/", StringComparison.Ordinal))
                        {
                            obj[name] = MarkdownLink().Replace(s, m => $"]({origin}{m.Groups["path"].Value})");
                        }
                        else if (name == "url" && IsRelative(s))
                        {
                            obj[name] = origin + s;
                        }
                    }
                    else
                    {
                        Visit(value, origin);
                    }
                }
                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Visit(item, origin);
                }
                break;
        }
    }

    private static bool IsRelative(string url) => url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal);

    [GeneratedRegex(@"\]\((?<path>/(?!/)[^)\s]*)\)")]
    private static partial Regex MarkdownLink();
}
