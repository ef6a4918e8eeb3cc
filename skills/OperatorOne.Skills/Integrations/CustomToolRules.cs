using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Data.Members;

namespace OperatorOne.Skills.Integrations;

/// <summary>
/// What a custom tool definition must be, checked the same way for the admin API and chat: each problem is named by its
/// field so the caller can fix it. The schema is rebuilt from the checked parts, so nothing unexpected is stored.
/// </summary>
public static partial class CustomToolRules
{
    public const int MaxParameters = 20;
    public const int MaxPhrasings = 20;
    public const int MaxHeaders = 10;
    public const int MaxTimeoutSeconds = 30;
    public static readonly string[] Methods = ["GET", "POST", "PUT", "PATCH", "DELETE"];
    private static readonly string[] Types = ["string", "integer", "number", "boolean"];

    /// <summary>Checks <paramref name="input"/> laid over <paramref name="current"/> (null when creating).</summary>
    public static (CustomToolSpec? Spec, Dictionary<string, string[]> Errors) Check(CustomToolInput input, CustomToolSpec? current, Func<string, bool> isBuiltIn)
    {
        var errors = new Dictionary<string, string[]>();
        void Fail(string field, string message) => errors[field] = [message];

        var name = input.Name?.Trim() ?? current?.Name ?? "";
        if (!ToolName().IsMatch(name))
        {
            Fail("name", "3 to 48 characters: lower-case letters, digits and _, starting with a letter (e.g. order_status).");
        }
        else if (isBuiltIn(name))
        {
            Fail("name", $"'{name}' is the name of a built-in tool.");
        }
        var description = input.Description?.Trim() ?? current?.Description ?? "";
        if (description.Length is < 3 or > 500)
        {
            Fail("description", "3 to 500 characters: what the tool does, for people and the model.");
        }
        var method = input.Method?.Trim().ToUpperInvariant() ?? current?.Method ?? "GET";
        if (!Methods.Contains(method))
        {
            Fail("method", $"One of {string.Join(", ", Methods)}.");
        }
        var url = input.Url?.Trim() ?? current?.UrlTemplate ?? "";
        if (UrlProblem(url) is { } urlProblem)
        {
            Fail("url", urlProblem);
        }
        var schema = input.Parameters is { } parameters ? CheckSchema(parameters, Fail)
            : current?.Schema ?? FromPlaceholders(url);
        var declared = schema is null ? [] : Declared(schema);
        if (schema is not null && Utterance.Slots(url).FirstOrDefault(s => !declared.Contains(s)) is { } unknown)
        {
            Fail("url", $"{{{unknown}}} is not one of the parameters.");
        }
        var phrasings = (input.Phrasings ?? current?.Phrasings.ToList() ?? []).Select(p => p.Trim()).Where(p => p.Length > 0).Distinct().ToList();
        if (phrasings.Count > MaxPhrasings || phrasings.Any(p => p.Length is < 3 or > 200))
        {
            Fail("phrasings", $"At most {MaxPhrasings} example sentences of 3 to 200 characters.");
        }
        else if (phrasings.SelectMany(Utterance.Slots).FirstOrDefault(s => !declared.Contains(s)) is { } stray)
        {
            Fail("phrasings", $"{{{stray}}} is not one of the parameters.");
        }
        var tier = input.Tier is null ? current?.Tier ?? (method == "GET" ? ToolTier.ReadOnly : ToolTier.RiskyWrite) : ParseTier(input.Tier);
        if (tier is null)
        {
            Fail("tier", "One of readOnly, safeWrite, riskyWrite (approval by the approver role), admin (approval by an admin).");
        }
        var role = input.MinimumRole is null ? current?.MinimumRole ?? MemberRole.Member : ParseRole(input.MinimumRole);
        if (role is null)
        {
            Fail("minimumRole", "One of viewer, member, admin, owner.");
        }
        var timeout = input.TimeoutSeconds ?? current?.TimeoutSeconds ?? 10;
        if (timeout is < 1 or > MaxTimeoutSeconds)
        {
            Fail("timeoutSeconds", $"1 to {MaxTimeoutSeconds} seconds.");
        }
        var response = input.Response is { } format ? CheckResponse(format, Fail) : current?.Response;
        if (input.Headers is { } headers && HeadersProblem(headers) is { } headerProblem)
        {
            Fail("headers", headerProblem);
        }
        if (errors.Count > 0 || schema is null)
        {
            return (null, errors);
        }
        return (new CustomToolSpec(name, description, method, url, schema, tier!.Value, role!.Value, phrasings, timeout, response), errors);
    }

    public static ToolTier? ParseTier(string text) => Squash(text) switch
    {
        "readonly" or "read" => ToolTier.ReadOnly,
        "safewrite" or "safe" or "write" => ToolTier.SafeWrite,
        "riskywrite" or "risky" => ToolTier.RiskyWrite,
        "admin" => ToolTier.Admin,
        _ => null,
    };

    public static MemberRole? ParseRole(string text) => Squash(text) switch
    {
        "viewer" or "viewers" => MemberRole.Viewer,
        "member" or "members" => MemberRole.Member,
        "admin" or "admins" => MemberRole.Admin,
        "owner" or "owners" => MemberRole.Owner,
        _ => null,
    };

    private static string Squash(string text) => new([.. text.ToLowerInvariant().Where(char.IsLetter)]);

    /// <summary>Why a URL template cannot be called: it must be absolute http(s), and placeholders may not choose the host.</summary>
    public static string? UrlProblem(string template)
    {
        if (template.Length is 0 or > 2000)
        {
            return "An absolute http or https URL of at most 2,000 characters.";
        }
        var authorityEnd = template.IndexOf('/', template.IndexOf("://", StringComparison.Ordinal) is var s and >= 0 ? s + 3 : 0);
        var authority = authorityEnd < 0 ? template : template[..authorityEnd];
        if (authority.Contains('{', StringComparison.Ordinal) || authority.Contains('}', StringComparison.Ordinal))
        {
            return "Placeholders may appear in the path and query, never in the scheme or host.";
        }
        var sample = Utterance.Slots(template).Aggregate(template, (t, slot) => t.Replace($"{{{slot}}}", "x", StringComparison.Ordinal));
        if (!Uri.TryCreate(sample, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return "An absolute http or https URL, e.g. https://shop.example.com/orders/{order_id}.";
        }
        if (uri.UserInfo.Length > 0 || uri.Fragment.Length > 0)
        {
            return "No user name, password or #fragment in the URL; put credentials in a header.";
        }
        return null;
    }

    /// <summary>The address to check with the guard: the template with its placeholders filled.</summary>
    public static Uri Sample(string template) =>
        new(Utterance.Slots(template).Aggregate(template, (t, slot) => t.Replace($"{{{slot}}}", "x", StringComparison.Ordinal)));

    public static HashSet<string> Declared(JsonObject schema) =>
        schema["properties"] is JsonObject properties ? [.. properties.Select(p => p.Key)] : [];

    /// <summary>Without a schema every placeholder is a required text parameter.</summary>
    private static JsonObject FromPlaceholders(string url)
    {
        var slots = Utterance.Slots(url).Distinct().ToList();
        var properties = new JsonObject();
        foreach (var slot in slots)
        {
            properties[slot] = new JsonObject { ["type"] = "string" };
        }
        return new JsonObject { ["type"] = "object", ["properties"] = properties, ["required"] = new JsonArray([.. slots.Select(s => (JsonNode)s)]) };
    }

    private static JsonObject? CheckSchema(JsonObject input, Action<string, string> fail)
    {
        const string Shape = "A JSON schema object: {\"type\": \"object\", \"properties\": {\"order_id\": {\"type\": \"string\", \"description\": \"…\"}}, \"required\": [\"order_id\"]}.";
        if (input["type"]?.GetValueKind() != JsonValueKind.String || input["type"]!.GetValue<string>() != "object"
            || input["properties"] is not JsonObject properties || properties.Count > MaxParameters)
        {
            fail("parameters", $"{Shape} At most {MaxParameters} properties.");
            return null;
        }
        var clean = new JsonObject();
        foreach (var (name, node) in properties)
        {
            var type = node is JsonObject p && p["type"] is JsonValue t && t.TryGetValue<string>(out var typeName) ? typeName : null;
            if (!ParameterName().IsMatch(name) || node is not JsonObject property || !Types.Contains(type))
            {
                fail("parameters", $"'{name}': a lower-case name (letters, digits, _) with a type of {string.Join(", ", Types)}.");
                return null;
            }
            var checkedProperty = new JsonObject { ["type"] = type };
            if (property["description"] is JsonValue d && d.TryGetValue<string>(out var text) && text.Length <= 300)
            {
                checkedProperty["description"] = text;
            }
            if (property["enum"] is JsonArray choices)
            {
                if (type != "string" || choices.Count is 0 or > 50 || choices.Any(c => c is not JsonValue v || !v.TryGetValue<string>(out _)))
                {
                    fail("parameters", $"'{name}': enum is a list of 1 to 50 strings, for a string parameter.");
                    return null;
                }
                checkedProperty["enum"] = choices.DeepClone();
            }
            if (type == "string" && property["format"] is JsonValue f && f.TryGetValue<string>(out var format) && format is "date" or "date-time")
            {
                checkedProperty["format"] = format;
            }
            clean[name] = checkedProperty;
        }
        var required = new JsonArray();
        if (input["required"] is JsonArray names)
        {
            foreach (var item in names)
            {
                if (item is not JsonValue v || !v.TryGetValue<string>(out var n) || !clean.ContainsKey(n))
                {
                    fail("parameters", "'required' lists names of declared properties.");
                    return null;
                }
                required.Add(n);
            }
        }
        return new JsonObject { ["type"] = "object", ["properties"] = clean, ["required"] = required };
    }

    private static JsonObject? CheckResponse(JsonObject input, Action<string, string> fail)
    {
        const string Shape = "{\"template\": \"Order {id} is {status}\", \"card\": {\"title\": \"Order {id}\", \"facts\": [{\"title\": \"Status\", \"value\": \"{status}\"}]}}; {path} reads the JSON answer.";
        var clean = new JsonObject();
        if (input["template"] is JsonNode template)
        {
            if (template is not JsonValue v || !v.TryGetValue<string>(out var text) || text.Length is 0 or > 2000)
            {
                fail("response", Shape);
                return null;
            }
            clean["template"] = text;
        }
        if (input["card"] is JsonNode card)
        {
            if (card is not JsonObject c || c["facts"] is not JsonArray { Count: <= 20 } facts
                || (c["title"] is { } title && (title is not JsonValue tv || !tv.TryGetValue<string>(out var t) || t.Length > 200))
                || facts.Any(f => f is not JsonObject fo || !IsText(fo["title"], 100) || !IsText(fo["value"], 500)))
            {
                fail("response", Shape);
                return null;
            }
            clean["card"] = c.DeepClone();
        }
        if (input.Any(p => p.Key is not ("template" or "card")))
        {
            fail("response", Shape);
            return null;
        }
        return clean.Count == 0 ? null : clean;
    }

    private static bool IsText(JsonNode? node, int max) => node is JsonValue v && v.TryGetValue<string>(out var s) && s.Length is > 0 && s.Length <= max;

    private static string? HeadersProblem(Dictionary<string, string> headers)
    {
        if (headers.Count > MaxHeaders)
        {
            return $"At most {MaxHeaders} headers.";
        }
        foreach (var (name, value) in headers)
        {
            if (!HeaderName().IsMatch(name) || name.StartsWith("X-OperatorOne-", StringComparison.OrdinalIgnoreCase)
                || name.ToLowerInvariant() is "host" or "content-length" or "content-type" or "transfer-encoding" or "connection" or "cookie")
            {
                return $"'{name}' cannot be set: a header name is a token, and Host, Content-*, Connection, Cookie and X-OperatorOne-* are ours.";
            }
            if (value is null || value.Length > 4096 || value.Any(c => c is '\r' or '\n' or '\0'))
            {
                return $"The value of '{name}' must be one line of at most 4,096 characters.";
            }
        }
        return null;
    }

    [GeneratedRegex("^[a-z][a-z0-9_]{2,47}$")]
    private static partial Regex ToolName();

    [GeneratedRegex("^[a-z][a-z0-9_]{0,39}$")]
    private static partial Regex ParameterName();

    [GeneratedRegex("^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,64}$")]
    private static partial Regex HeaderName();
}
