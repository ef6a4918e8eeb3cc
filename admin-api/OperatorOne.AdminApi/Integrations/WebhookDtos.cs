using System.Text.Json;
using OperatorOne.Data.Integrations;
using OperatorOne.Data.Outbox;

namespace OperatorOne.AdminApi.Integrations;

/// <summary>What an admin sends to subscribe or change a webhook; absent fields stay as they were.</summary>
internal sealed record WebhookInput(string? Url, List<string>? Events, string? Description, bool? Active);

/// <summary>A subscription as the admin API shows it; <see cref="SigningSecret"/> only in the answer that made it.</summary>
internal sealed record WebhookDto(
    Guid Id, int Number, string Url, List<string> Events, string Description, bool Active, string? StoppedReason, DateTimeOffset? StoppedAt,
    DateTimeOffset CreatedAt, string? SigningSecret)
{
    public static WebhookDto Of(WebhookSubscription row, string? secret = null) =>
        new(row.Id, row.Number, row.Url, row.Events, row.Description, row.IsActive, row.StoppedReason, row.StoppedAt, row.CreatedAt, secret);
}

/// <summary>One delivery in the log: the event it carried, where it stands, and what the receiver last said.</summary>
internal sealed record DeliveryDto(
    long Id, string EventType, string EventId, OutboxStatus Status, int Attempts, string? Answer, string? LastError, DateTimeOffset CreatedAt,
    DateTimeOffset NextAttemptAt, DateTimeOffset? SentAt)
{
    public static DeliveryDto Of(OutboxMessage message)
    {
        using var json = JsonDocument.Parse(message.Activity);
        var root = json.RootElement;
        return new DeliveryDto(message.Id, root.TryGetProperty("type", out var type) ? type.GetString() ?? "" : "",
            root.TryGetProperty("id", out var id) ? id.GetString() ?? "" : "", message.Status, message.Attempts, message.SentActivityId, message.LastError,
            message.CreatedAt, message.NextAttemptAt, message.SentAt);
    }
}
