using System.Text.Json.Serialization;

namespace OperatorOne.Channels.WebChat;

/// <summary>
/// What a web chat token vouches for: one conversation of one site, for one user, until <see cref="Exp"/>
/// (Unix seconds). Short claim names because Web Chat decodes the token as a JWT and reads <c>user</c>.
/// </summary>
internal sealed record DirectLineToken(
    [property: JsonPropertyName("site")] string Site,
    [property: JsonPropertyName("org")] Guid Org,
    [property: JsonPropertyName("conv")] string Conv,
    [property: JsonPropertyName("user")] string User,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("exp")] long Exp);
