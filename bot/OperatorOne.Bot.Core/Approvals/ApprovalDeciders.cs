namespace OperatorOne.Bot.Core.Approvals;

/// <summary>Who can decide a request that is about to be made; <see cref="Refusal"/> says why nobody can.</summary>
public sealed record ApprovalDeciders(bool RequesterOnly, string? Refusal)
{
    public static readonly ApprovalDeciders Others = new(false, null);

    public static readonly ApprovalDeciders OnlyRequester = new(true, null);

    public static ApprovalDeciders Nobody(string reason) => new(false, reason);
}
