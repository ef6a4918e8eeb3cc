namespace OperatorOne.Channels.Slack;

/// <summary>
/// How the last signed Slack request to this replica fared, for the channel check: a signing secret that does not
/// match shows on the very next request Slack sends, long before anyone wonders why the bot is silent.
/// </summary>
internal sealed class SlackSignatureWatch
{
    private SignatureSeen? _last;

    public SignatureSeen? Last => Volatile.Read(ref _last);

    public void Saw(SignatureCheck check, DateTimeOffset at)
    {
        // Missing headers are not Slack at all (a scanner, a typo'd URL), so they say nothing about the secret.
        if (check != SignatureCheck.Missing)
        {
            Volatile.Write(ref _last, new SignatureSeen(check, at));
        }
    }
}

internal sealed record SignatureSeen(SignatureCheck Check, DateTimeOffset At);
