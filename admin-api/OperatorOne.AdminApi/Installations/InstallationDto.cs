using OperatorOne.Data.Channels;

namespace OperatorOne.AdminApi.Installations;

/// <summary>
/// An installation and where it stands: <c>verified</c> (routes the channel's traffic), <c>pending</c> (nothing routed
/// until ownership is proven; <see cref="NextStep"/> says how) or <c>revoked</c> (the channel removed the app).
/// <see cref="Secret"/> (a web chat site secret) and <see cref="VerificationCode"/> are set only in the response that made them.
/// </summary>
internal sealed record InstallationDto(
    Guid Id, string Channel, string ExternalId, string DisplayName, bool HasSecret, DateTimeOffset CreatedAt, string? Secret,
    string State, string? Proof, DateTimeOffset? VerifiedAt, string? NextStep, string? VerificationCode, string? InstallUrl)
{
    public const string Verified = "verified";
    public const string Pending = "pending";
    public const string Revoked = "revoked";

    public static InstallationDto From(ChannelInstallation i, string? secret = null, string? verificationCode = null, string? installUrl = null) => new(
        i.Id, i.Channel, i.ExternalId, i.DisplayName, i.SecretCipher is not null || i.SecretHash is not null, i.CreatedAt, secret,
        i.RevokedAt is not null ? Revoked : i.VerifiedAt is not null ? Verified : Pending,
        i.Proof, i.VerifiedAt, i.VerifiedAt is null ? i.PendingReason : null, verificationCode, installUrl);
}
