using System.Text.Json.Nodes;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Data.Integrations;
using OperatorOne.Data.Members;

namespace OperatorOne.Skills.Integrations;

/// <summary>A checked custom tool definition, from the admin API or chat, ready to store.</summary>
public sealed record CustomToolSpec(
    string Name, string Description, string Method, string UrlTemplate, JsonObject Schema, ToolTier Tier, MemberRole MinimumRole,
    IReadOnlyList<string> Phrasings, int TimeoutSeconds, JsonObject? Response)
{
    public static CustomToolSpec From(CustomTool row) => new(
        row.Name, row.Description, row.Method, row.UrlTemplate, JsonNode.Parse(row.ParametersSchema) as JsonObject ?? [],
        Enum.Parse<ToolTier>(row.Tier), row.MinimumRole, row.Phrasings, row.TimeoutSeconds,
        row.ResponseFormat is null ? null : JsonNode.Parse(row.ResponseFormat) as JsonObject);

    /// <summary>
    /// A new row for the organization, enabled, with no headers and no signing secret yet: the caller sets those with
    /// <see cref="CustomToolSecrets"/>, which needs the secret box. The chat tool, the admin API and the demo all add tools so.
    /// </summary>
    public CustomTool ToRow(Guid organizationId, Guid? createdBy, DateTimeOffset now)
    {
        var row = new CustomTool
        {
            Id = Guid.NewGuid(),
            OrganizationId = organizationId,
            Name = Name,
            Description = Description,
            Method = Method,
            UrlTemplate = UrlTemplate,
            ParametersSchema = Schema.ToJsonString(),
            Tier = Tier.ToString(),
            SigningSecretCipher = [],
            CreatedById = createdBy,
            CreatedAt = now,
        };
        ApplyTo(row, now);
        return row;
    }

    /// <summary>Copies the definition onto a row (headers and signing secret are set apart: they are secrets).</summary>
    public void ApplyTo(CustomTool row, DateTimeOffset now)
    {
        row.Name = Name;
        row.Description = Description;
        row.Method = Method;
        row.UrlTemplate = UrlTemplate;
        row.ParametersSchema = Schema.ToJsonString();
        row.Tier = Tier.ToString();
        row.MinimumRole = MinimumRole;
        row.Phrasings = [.. Phrasings];
        row.TimeoutSeconds = TimeoutSeconds;
        row.ResponseFormat = Response?.ToJsonString();
        row.UpdatedAt = now;
    }
}

/// <summary>What an admin sends to define a custom tool; absent fields take defaults (or, on a change, stay as they were).</summary>
public sealed record CustomToolInput
{
    public string? Name { get; init; }
    public string? Description { get; init; }
    public string? Method { get; init; }
    public string? Url { get; init; }
    public JsonObject? Parameters { get; init; }
    public string? Tier { get; init; }
    public string? MinimumRole { get; init; }
    public List<string>? Phrasings { get; init; }
    public int? TimeoutSeconds { get; init; }
    public JsonObject? Response { get; init; }

    /// <summary>Header name → value, e.g. an API key; stored encrypted and never shown again. An empty object removes them.</summary>
    public Dictionary<string, string>? Headers { get; init; }
    public bool? Enabled { get; init; }
}
