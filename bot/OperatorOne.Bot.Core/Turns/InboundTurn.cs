using System.Text.Json.Nodes;
using OperatorOne.Bot.Core.Activities;

namespace OperatorOne.Bot.Core.Turns;

/// <summary>
/// What a channel adapter hands the core after it has verified the request: the activity, and the facts the adapter
/// vouches for (which installation, which user), never taken from unverified payload fields. It is plain data: an
/// accepted turn is stored as it is and may be run by another replica.
/// </summary>
public sealed record InboundTurn
{
    /// <summary>One of <see cref="Data.Channels.ChannelNames"/>.</summary>
    public required string Channel { get; init; }

    /// <summary>The channel's id for this delivery; a retry carries the same id and is processed once.</summary>
    public required string DeliveryId { get; init; }

    /// <summary>The longest <see cref="DeliveryId"/> the store keeps (processed and accepted deliveries).</summary>
    public const int MaxDeliveryIdLength = 300;

    /// <summary>
    /// Why the store cannot take this turn, or null. A channel whose ids are short by the service's own format (Slack's
    /// event_id, a Teams conversation and activity id) answers a longer one with a 400 before the turn runs; the insert
    /// would fail with a 500. A channel whose ids may rightly be longer builds them with <see cref="StorableDeliveryId"/>.
    /// </summary>
    public string? Problem() => DeliveryId.Length > MaxDeliveryIdLength
        ? $"The delivery id is {DeliveryId.Length} characters long; at most {MaxDeliveryIdLength} are taken."
        : null;

    /// <summary>
    /// <paramref name="id"/> as the store keeps it: itself, or past <see cref="MaxDeliveryIdLength"/> its SHA-256, the same
    /// for every retry of it. A mail's Message-ID may run to 500 characters, and the mailbox's address comes before it.
    /// </summary>
    public static string StorableDeliveryId(string id) => id.Length <= MaxDeliveryIdLength
        ? id
        : "sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(id)));

    /// <summary>The installation's external id: web chat site, Teams tenant, Slack team, called number.</summary>
    public required string InstallationId { get; init; }

    /// <summary>The verified user id on the channel (from the token or signature, not from the body).</summary>
    public required string ChannelUserId { get; init; }
    public string? UserName { get; init; }
    public required Activity Activity { get; init; }
    public required ConversationReference Reference { get; init; }

    /// <summary>
    /// The conversation is one the channel keeps in our own store (a Direct Line conversation a web chat post names): the
    /// turn's first statement checks that it is the installation's, and runs nothing when not. A browser call, also on the
    /// web chat channel, has no such conversation and leaves this false.
    /// </summary>
    public bool ConversationIsLogged { get; init; }

    /// <summary>Whether the conversation is a 1:1 with this user, so proactive notices for them may go here.</summary>
    public bool IsPersonal { get; init; } = true;

    /// <summary>
    /// The channel's HTTP response carries the replies when the turn finishes within its budget (a Teams card click, a
    /// Slack command, a phone call); otherwise, and always when false, they are sent like any other outbox message.
    /// </summary>
    public bool AnswerInResponse { get; init; }

    /// <summary>Channel data every reply carries, so the channel can route it (a Slack thread, a response_url).</summary>
    public JsonObject? ReplyChannelData { get; init; }

    /// <summary>A channel's own step (a phone call's guided flow) run in place of the router, by name.</summary>
    public TurnStep? Step { get; init; }

    /// <summary>Files sent with the message, with their bytes (an upload, or fetched by the channel's <see cref="ITurnPreparation"/>).</summary>
    public IReadOnlyList<InboundFile> Files { get; init; } = [];
}
