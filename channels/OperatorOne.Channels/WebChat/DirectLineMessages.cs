using System.Text.Json.Serialization;

namespace OperatorOne.Channels.WebChat;

/// <summary>Body of tokens/generate and conversations: the site's backend may name the user.</summary>
internal sealed record TokenRequest(TokenRequestUser? User);

internal sealed record TokenRequestUser(string? Id, string? Name);

internal sealed record TokenResponse(string ConversationId, string Token, [property: JsonPropertyName("expires_in")] int ExpiresIn);

internal sealed record ConversationResponse(string ConversationId, string Token, [property: JsonPropertyName("expires_in")] int ExpiresIn, string StreamUrl);

/// <summary>Direct Line's ResourceResponse: the id given to a posted activity.</summary>
internal sealed record ActivityPosted(string Id);

internal sealed record DemoTokenRequest(string? Member);

/// <summary>A demo sign-in; TimeZone is the member's IANA zone (their own, else the organization's), so the page stamps messages on their clock.</summary>
internal sealed record DemoTokenResponse(string Token, string ConversationId, string UserId, string UserName, string Member, string TimeZone);
