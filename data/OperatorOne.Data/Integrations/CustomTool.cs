using OperatorOne.Data.Members;

namespace OperatorOne.Data.Integrations;

/// <summary>
/// An organization's own HTTP tool: the bot calls <see cref="UrlTemplate"/> with the arguments the recognizer or the
/// model filled from <see cref="ParametersSchema"/>, behind the same role, tier, approval and audit gates as a built-in tool.
/// </summary>
public sealed class CustomTool
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }

    /// <summary>snake_case, unique in the organization and never a built-in tool's name.</summary>
    public required string Name { get; set; }
    public required string Description { get; set; }

    /// <summary>GET, POST, PUT, PATCH or DELETE.</summary>
    public required string Method { get; set; }

    /// <summary>An absolute http(s) URL whose path and query may hold {parameter} placeholders; the host never does.</summary>
    public required string UrlTemplate { get; set; }

    /// <summary>A JSON schema object (type object, simple-typed properties, required).</summary>
    public required string ParametersSchema { get; set; }

    /// <summary>A ToolTier name: ReadOnly, SafeWrite, RiskyWrite or Admin.</summary>
    public required string Tier { get; set; }
    public MemberRole MinimumRole { get; set; }

    /// <summary>Example sentences with {parameter} placeholders, for the built-in recognizer and help.</summary>
    public List<string> Phrasings { get; set; } = [];

    /// <summary>How the answer is shown: a JSON object with an optional text template and card (see the README).</summary>
    public string? ResponseFormat { get; set; }

    /// <summary>Extra request headers as a JSON object, AES-GCM encrypted: the values are secrets, never shown again.</summary>
    public byte[]? HeadersCipher { get; set; }

    /// <summary>The names of those headers, which may be shown.</summary>
    public List<string> HeaderNames { get; set; } = [];

    /// <summary>The HMAC-SHA256 key every call is signed with, AES-GCM encrypted; shown once when made or rotated.</summary>
    public required byte[] SigningSecretCipher { get; set; }
    public int TimeoutSeconds { get; set; } = 10;
    public bool IsEnabled { get; set; } = true;
    public Guid? CreatedById { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>PostgreSQL's xmin: changes with every update, so a replica's compiled copy knows when it is stale.</summary>
    public uint Version { get; set; }
}
