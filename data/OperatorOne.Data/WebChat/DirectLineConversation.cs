namespace OperatorOne.Data.WebChat;

/// <summary>A Direct Line conversation between one web chat user and the bot, started through a site's token.</summary>
public sealed class DirectLineConversation
{
    /// <summary>The Direct Line conversation id, random and URL-safe.</summary>
    public required string Id { get; set; }
    public Guid OrganizationId { get; set; }

    /// <summary>The web chat site (the installation's external id) the conversation was started for.</summary>
    public required string SiteId { get; set; }

    /// <summary>The web chat user the token named; every activity posted here is from this user.</summary>
    public required string UserId { get; set; }
    public string? UserName { get; set; }

    /// <summary>The watermark of the newest activity; bumped under a row lock so watermarks commit in order.</summary>
    public int LastSequence { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
