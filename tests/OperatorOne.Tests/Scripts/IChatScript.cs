using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.Scripts;

/// <summary>A channel a conversation script runs on: people of one organization talking to the bot there.</summary>
public interface IChatScript
{
    BotHost Host { get; }
    Guid OrganizationId { get; }

    /// <summary>The member with this handle (owner, admin, admin2, member, viewer), in their 1:1 with the bot.</summary>
    Task<IChatParticipant> JoinAsync(string handle);
}

/// <summary>One person's side of the conversation, the same on every channel.</summary>
public interface IChatParticipant : IDisposable
{
    Task SendAsync(string text);

    /// <summary>Waits for a new bot message to this person containing <paramref name="fragment"/> (case-insensitive).</summary>
    Task ExpectReplyAsync(string fragment);

    /// <summary>Waits for an approval card with buttons; it is remembered for <see cref="ApproveAsync"/>.</summary>
    Task ExpectApprovalCardAsync();

    /// <summary>Clicks Approve on the last approval card received.</summary>
    Task ApproveAsync();
}
